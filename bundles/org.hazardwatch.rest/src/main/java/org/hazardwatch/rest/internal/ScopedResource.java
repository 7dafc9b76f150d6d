package org.hazardwatch.rest.internal;

import java.util.NoSuchElementException;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Context;

import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Caller;

/**
 * Base of resources whose data belongs to enterprises. Objects outside the caller's scope answer 404 exactly like
 * ids that do not exist, so guessing ids reveals nothing.
 */
abstract class ScopedResource {

    /** CXF injects a proxy to the current request into singleton resources. */
    @Context
    protected HttpServletRequest request;

    protected final AccessControl access;

    protected ScopedResource(AccessControl access) {
        this.access = access;
    }

    protected Caller caller() {
        return Callers.of(request);
    }

    protected String username() {
        return caller().username();
    }

    /** Whether the caller sees the enterprise with this code. */
    protected boolean sees(String enterpriseCode) {
        return access.sees(caller(), enterpriseCode);
    }

    protected boolean seesLive(String enterpriseCode) {
        return access.seesLive(caller(), enterpriseCode);
    }

    /** 404 unless the caller sees the enterprise; {@code what} names the object as the message for a missing id. */
    protected void requireSees(String enterpriseCode, String what) {
        if (!sees(enterpriseCode)) {
            throw new NotFoundException(what);
        }
    }

    protected static NoSuchElementException notFound(String what) {
        return new NoSuchElementException(what);
    }
}
