package org.hazardwatch.rest.internal;

import java.util.Set;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.Provider;

import org.hazardwatch.api.auth.AuthService;

/** Every request except the public ones needs {@code Authorization: Bearer <token>} of a live session. */
@Provider
public class AuthFilter implements ContainerRequestFilter {

    static final Set<String> PUBLIC_PATHS = Set.of("health", "auth/login", "openapi.json");
    static final String USER_PROPERTY = "hazardwatch.user";

    private final AuthService auth;

    public AuthFilter(AuthService auth) {
        this.auth = auth;
    }

    static boolean isPublic(String path) {
        String normalized = path.startsWith("/") ? path.substring(1) : path;
        if (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return PUBLIC_PATHS.contains(normalized);
    }

    static String bearerToken(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isPublic(request.getUriInfo().getPath())) {
            return;
        }
        String token = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        var session = auth.validate(token);
        if (session.isEmpty()) {
            request.abortWith(Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError(401, token == null ? "login required" : "session expired or unknown; log in again"))
                    .build());
            return;
        }
        request.setProperty(USER_PROPERTY, session.get().username());
    }

    /** The user of the request's session, for attributing what the request does. */
    static String user(AuthService auth, HttpHeaders headers) {
        return auth.validate(bearerToken(headers.getHeaderString(HttpHeaders.AUTHORIZATION))).map(s -> s.username())
                .orElse("system");
    }
}
