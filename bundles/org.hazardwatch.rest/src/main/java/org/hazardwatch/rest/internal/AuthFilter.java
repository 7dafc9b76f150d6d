package org.hazardwatch.rest.internal;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.Provider;

import org.hazardwatch.api.auth.AuthService;
import org.hazardwatch.api.auth.AuthSession;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Caller;

/**
 * Authenticates every request except the public ones, then checks the permission the resource method declares
 * ({@link Requires}). A session comes either as {@code Authorization: Bearer <token>} (API clients) or as the HttpOnly
 * cookie {@value #SESSION_COOKIE} (the web app); with the cookie, every state-changing request must echo the session's
 * CSRF token in {@value #CSRF_HEADER}, which a page of another origin cannot know.
 */
@Provider
public class AuthFilter implements ContainerRequestFilter {

    static final Set<String> PUBLIC_PATHS = Set.of("health", "auth/login", "auth/policy", "openapi.json", "exchange/authority",
            "exchange/crl", "exchange/enrol", "exchange/renew", "exchange/heartbeat", "exchange/directory");
    /** What a user who must change a one-time password may still do. */
    static final Set<String> PASSWORD_CHANGE_PATHS = Set.of("auth/password", "auth/me", "auth/logout", "auth/logout-all");
    static final String SESSION_COOKIE = "HW_SESSION";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuthService auth;
    private final AccessControl access;

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest servletRequest;

    public AuthFilter(AuthService auth, AccessControl access) {
        this.auth = auth;
        this.access = access;
    }

    static String normalize(String path) {
        String normalized = path.startsWith("/") ? path.substring(1) : path;
        return normalized.endsWith("/") ? normalized.substring(0, normalized.length() - 1) : normalized;
    }

    static boolean isPublic(String path) {
        return PUBLIC_PATHS.contains(normalize(path));
    }

    static String bearerToken(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    /** The session token of a request: the bearer header first, then the cookie. */
    static String token(HttpHeaders headers) {
        String bearer = bearerToken(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (bearer != null) {
            return bearer;
        }
        Map<String, Cookie> cookies = headers.getCookies();
        Cookie cookie = cookies == null ? null : cookies.get(SESSION_COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = normalize(request.getUriInfo().getPath());
        if (PUBLIC_PATHS.contains(path)) {
            return;
        }
        String bearer = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Cookie cookie = request.getCookies().get(SESSION_COOKIE);
        String token = bearer != null ? bearer : cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
        Optional<AuthSession> session = auth.validate(token);
        if (session.isEmpty()) {
            request.abortWith(error(401, token == null ? "login required" : "session expired or unknown; log in again", "UNAUTHENTICATED")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
            return;
        }
        if (bearer == null && !SAFE_METHODS.contains(request.getMethod()) && !csrfMatches(session.get(), request.getHeaderString(CSRF_HEADER))) {
            request.abortWith(error(403, "missing or wrong " + CSRF_HEADER + " header", "CSRF").build());
            return;
        }
        if (session.get().mustChangePassword() && !PASSWORD_CHANGE_PATHS.contains(path)) {
            request.abortWith(error(403, "choose your own password first", "PASSWORD_CHANGE_REQUIRED").build());
            return;
        }
        Optional<Caller> caller = access.caller(session.get().username());
        if (caller.isEmpty()) {
            request.abortWith(error(401, "the account is disabled or has no organisation", "UNAUTHENTICATED").build());
            return;
        }
        servletRequest.setAttribute(Callers.CALLER, caller.get());
        servletRequest.setAttribute(Callers.TOKEN, token);
        Requires required = required(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass());
        if (required == null) {
            request.abortWith(error(403, "this operation declares no permission and is refused", "FORBIDDEN").build());
            return;
        }
        if (required.value().length > 0 && Arrays.stream(required.value()).noneMatch(caller.get()::has)) {
            request.abortWith(error(403, "this needs the permission " + Arrays.stream(required.value())
                    .map(p -> p.code()).reduce((a, b) -> a + " or " + b).orElse(""), "FORBIDDEN").build());
        }
    }

    static Requires required(Method method, Class<?> type) {
        Requires onMethod = method == null ? null : method.getAnnotation(Requires.class);
        return onMethod != null ? onMethod : type == null ? null : type.getAnnotation(Requires.class);
    }

    private static boolean csrfMatches(AuthSession session, String header) {
        return header != null && MessageDigest.isEqual(header.strip().getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    private static Response.ResponseBuilder error(int status, String message, String code) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(status, message, code, null));
    }
}
