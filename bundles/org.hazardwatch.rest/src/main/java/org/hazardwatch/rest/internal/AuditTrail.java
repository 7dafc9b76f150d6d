package org.hazardwatch.rest.internal;

import javax.servlet.http.HttpServletRequest;

/** What a resource method adds to its audit entry: the state before the change, a detail line. */
final class AuditTrail {

    static final String BEFORE = "hazardwatch.audit.before";
    static final String DETAIL = "hazardwatch.audit.detail";
    static final String TARGET = "hazardwatch.audit.target";
    static final String REQUEST_ENTITY = "hazardwatch.audit.request";

    private AuditTrail() {
    }

    static void before(HttpServletRequest request, Object state) {
        if (request != null && state != null) {
            request.setAttribute(BEFORE, state);
        }
    }

    static void detail(HttpServletRequest request, String detail) {
        if (request != null && detail != null) {
            request.setAttribute(DETAIL, detail);
        }
    }

    /** Overrides the target id (when it is not a path parameter, e.g. a created object's id). */
    static void target(HttpServletRequest request, String id) {
        if (request != null && id != null) {
            request.setAttribute(TARGET, id);
        }
    }
}
