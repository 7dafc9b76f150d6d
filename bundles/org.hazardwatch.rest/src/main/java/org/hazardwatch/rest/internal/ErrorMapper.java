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
            message = failure.getMessage() == null || failure.getMessage().startsWith("HTTP ")
                    ? Response.Status.fromStatusCode(status) == null ? "error" : Response.Status.fromStatusCode(status).getReasonPhrase()
                    : failure.getMessage();
            if (failure.getCause() instanceof JsonProcessingException json) {
                status = 400;
                message = "malformed JSON: " + json.getOriginalMessage();
            }
        } else if (failure instanceof JsonProcessingException json) {
            status = 400;
            message = "malformed JSON: " + json.getOriginalMessage();
        } else if (failure instanceof IllegalArgumentException) {
            status = 400;
            message = failure.getMessage();
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            logger.error("REST request failed (reference {})", reference, failure);
            status = 500;
            message = "internal error, reference " + reference + " in the server log";
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(status, message, code, fieldErrors)).build();
    }
}
