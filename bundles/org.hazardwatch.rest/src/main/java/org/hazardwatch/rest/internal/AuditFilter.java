package org.hazardwatch.rest.internal;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.ext.Provider;
import javax.ws.rs.ext.ReaderInterceptor;
import javax.ws.rs.ext.ReaderInterceptorContext;

import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the audit entry of every {@link Audited} method after it answered: success or refusal, with the state
 * before (when recorded) and after (the answer's JSON, else what was sent). Secrets (passwords, codes, tokens) are
 * replaced by "***" before anything is written.
 */
@Provider
public class AuditFilter implements ContainerResponseFilter, ReaderInterceptor {

    private static final Set<String> SECRET_FIELDS = Set.of("password", "currentpassword", "newpassword", "totp", "code",
            "secret", "token", "csrftoken", "otpauthuri");
    private final Logger logger = LoggerFactory.getLogger(AuditFilter.class);
    private final AuditLog audit;
    private final ObjectMapper mapper;

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest servletRequest;

    public AuditFilter(AuditLog audit, ObjectMapper mapper) {
        this.audit = audit;
        this.mapper = mapper;
    }

    /** Keeps what the client sent, for the entry's "after" when the answer has no body. */
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object entity = context.proceed();
        if (servletRequest != null && entity != null && !(entity instanceof java.io.InputStream)) {
            servletRequest.setAttribute(AuditTrail.REQUEST_ENTITY, entity);
        }
        return entity;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Audited audited = resourceInfo == null || resourceInfo.getResourceMethod() == null ? null
                : resourceInfo.getResourceMethod().getAnnotation(Audited.class);
        if (audited == null) {
            return;
        }
        Object callerAttribute = servletRequest.getAttribute(Callers.CALLER);
        if (!(callerAttribute instanceof Caller caller)) {
            return; // refused before authentication: the login itself is audited by the auth service
        }
        int status = response.getStatus();
        String outcome = status < 400 ? "OK" : status == 401 || status == 403 || status == 404 ? "DENIED" : "FAILED";
        Object target = servletRequest.getAttribute(AuditTrail.TARGET);
        String targetId = target != null ? target.toString() : request.getUriInfo().getPathParameters().getFirst(audited.idParam());
        Object entity = response.getEntity();
        Object after = status < 400 && entity != null && !(entity instanceof StreamingOutput) && !(entity instanceof byte[])
                && !(entity instanceof javax.ws.rs.core.Response) ? entity : servletRequest.getAttribute(AuditTrail.REQUEST_ENTITY);
        String detail = status >= 400 && entity instanceof ApiError error ? error.message()
                : (String) servletRequest.getAttribute(AuditTrail.DETAIL);
        if (detail == null && !request.getUriInfo().getQueryParameters().isEmpty()) {
            detail = "query: " + request.getUriInfo().getQueryParameters();
        }
        try {
            audit.append(new AuditEntry.Draft(caller.username(), caller.organisationName(), actorRegion(caller),
                    servletRequest.getRemoteAddr(), audited.value(), audited.target(), targetId, outcome,
                    json(servletRequest.getAttribute(AuditTrail.BEFORE)), json(after), detail));
        } catch (RuntimeException e) {
            // the action has happened; a failed audit write must be loud but cannot undo it
            logger.error("AUDIT WRITE FAILED for {} {} by {}: {}", audited.value(), targetId, caller.username(), e.getMessage());
        }
    }

    static String actorRegion(Caller caller) {
        return caller.scope().isAll() ? "" : caller.scope().code();
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode tree = mapper.valueToTree(value);
            redact(tree);
            return mapper.writeValueAsString(tree);
        } catch (IllegalArgumentException | IOException e) {
            return String.valueOf(value);
        }
    }

    static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new java.util.ArrayList<>();
            for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
                names.add(it.next());
            }
            for (String name : names) {
                if (SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT)) && !object.get(name).isNull()) {
                    object.put(name, "***");
                } else {
                    redact(object.get(name));
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(AuditFilter::redact);
        }
    }
}
