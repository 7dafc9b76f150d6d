package org.hazardwatch.api.security;

import java.util.List;
import java.util.Optional;

/**
 * Authorised upper-level access to live data (C3). City, province and national users request it for a county or
 * park in their scope; that region's approvers decide; an open declared incident grants at once.
 */
public interface AccessGrantService {

    /** Requests the caller made and requests for the regions the caller may decide, newest first. */
    List<AccessGrant> list(Caller caller, AccessGrant.Status status);

    Optional<AccessGrant> get(Caller caller, long id);

    AccessGrant request(Caller caller, String regionCode, String reason, int hours);

    /** Grants (optionally shortening the hours) or denies a pending request. */
    AccessGrant decide(Caller caller, long id, boolean grant, Integer hours, String note);

    /** Ends a granted access before its time. */
    AccessGrant revoke(Caller caller, long id, String note);

    List<DeclaredIncident> incidents(Caller caller, boolean openOnly);

    DeclaredIncident declare(Caller caller, String regionCode, String title);

    DeclaredIncident end(Caller caller, long id);

    /** Longest access one request may open. */
    int MAX_HOURS = 72;
}
