package org.hazardwatch.rest.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotAuthorizedException;

import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.Permission;

/** The caller the authentication filter resolved for the current request. */
final class Callers {

    static final String CALLER = "hazardwatch.caller";
    static final String TOKEN = "hazardwatch.token";

    private Callers() {
    }

    static Caller of(HttpServletRequest request) {
        Object caller = request == null ? null : request.getAttribute(CALLER);
        if (caller instanceof Caller resolved) {
            return resolved;
        }
        throw new NotAuthorizedException("login required", "Bearer");
    }

    static void require(Caller caller, Permission permission) {
        if (!caller.has(permission)) {
            throw new ForbiddenException("this needs the permission " + permission.code());
        }
    }
}
