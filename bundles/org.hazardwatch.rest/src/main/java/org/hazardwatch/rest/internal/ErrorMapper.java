package org.hazardwatch.rest.internal;

import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

import org.hazardwatch.api.auth.PasswordChangeException;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.grading.GradingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Turns every failure into a JSON {@link ApiError}; unexpected ones are logged with a reference the answer quotes. */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private final Logger logger = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException web && web.getResponse().getEntity() instanceof ApiError) {
            return web.getResponse();
        }
        int status;
        String message;
        String code = null;
        java.util.List<org.hazardwatch.api.registry.FieldError> fieldErrors = null;
        if (failure instanceof ValidationException invalid) {
            status = 400;
            message = invalid.getMessage();
            code = "VALIDATION";
            fieldErrors = invalid.fieldErrors();
        } else if (failure instanceof GradingException grading) {
            status = 400;
            message = grading.getMessage();
            code = grading.reason().name();
        } else if (failure instanceof PasswordChangeException refused) {
            status = refused.reason() == PasswordChangeException.Reason.CURRENT_PASSWORD_WRONG ? 403 : 400;
            message = refused.getMessage();
            code = refused.reason().name();
        } else if (failure instanceof WebApplicationException web) {
            status = web.getResponse().getStatus();
            code = status == 403 ? "FORBIDDEN" : status == 404 ? "NOT_FOUND" : null;
            message = failure.getMessage() == null || failure.getMessage().startsWith("HTTP ")
                    ? Response.Status.fromStatusCode(status) == null ? "error" : Response.Status.fromStatusCode(status).getReasonPhrase()
                    : failure.getMessage();
            if (failure.getCause() instanceof JsonProcessingException json) {
                status = 400;
                message = "malformed JSON: " + json.getOriginalMessage();
                fieldErrors = fieldError(json);
                code = fieldErrors == null ? null : "VALIDATION";
            }
        } else if (failure instanceof JsonProcessingException json) {
            status = 400;
            message = "malformed JSON: " + json.getOriginalMessage();
            fieldErrors = fieldError(json);
            code = fieldErrors == null ? null : "VALIDATION";
        } else if (failure instanceof IllegalArgumentException) {
            status = 400;
            message = failure.getMessage();
        } else if (failure instanceof SecurityException) {
            status = 403;
            message = failure.getMessage();
            code = "FORBIDDEN";
        } else if (failure instanceof java.util.NoSuchElementException) {
            status = 404;
            message = failure.getMessage();
            code = "NOT_FOUND";
        } else if (failure instanceof IllegalStateException) {
            status = 409;
            message = failure.getMessage();
            code = "CONFLICT";
        } else if (clientWentAway(failure)) {
            // the caller closed the connection (a timeout, a closed tab) while the answer was written: nothing to
            // answer, and nothing wrong with the server
            logger.debug("REST client went away: {}", failure.toString());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            logger.error("REST request failed (reference {})", reference, failure);
            status = 500;
            message = "internal error, reference " + reference + " in the server log";
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(status, message, code, fieldErrors)).build();
    }

    /** Whether the failure is the caller's connection closing under a write (Jetty's EofException, a broken pipe, a reset). */
    static boolean clientWentAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals("org.eclipse.jetty.io.EofException")) {
                return true;
            }
            if (t instanceof java.io.IOException && t.getMessage() != null
                    && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("Connection reset by peer"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A value of the wrong type (an unknown enum constant, text for a number) as an error on its field, with the path
     * the validators use ({@code units[0].kind}); null when the JSON itself is broken.
     */
    static java.util.List<org.hazardwatch.api.registry.FieldError> fieldError(JsonProcessingException failure) {
        if (!(failure instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch) || mismatch.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : mismatch.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        String detail = "has the wrong type";
        Class<?> target = mismatch.getTargetType();
        if (target != null && target.isEnum()) {
            detail = "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
        } else if (target != null && (Number.class.isAssignableFrom(target) || target.isPrimitive())) {
            detail = "must be a number";
        }
        return java.util.List.of(new org.hazardwatch.api.registry.FieldError(path.toString(), "INVALID_VALUE", detail));
    }
}
