package org.hazardwatch.api.security;

import java.util.Optional;

/**
 * Resolves users into {@link Caller}s and answers scope questions about enterprises known only by their code (points,
 * alarms, disposals and plans carry the enterprise's USCC). Answers are cached briefly and dropped on every change to
 * accounts, roles, organisations, grants or enterprises.
 */
public interface AccessControl {

    /** The caller of an enabled account, empty for unknown or disabled accounts. */
    Optional<Caller> caller(String username);

    /** Whether the caller sees the enterprise with this USCC; codes not in the registry only national scope sees. */
    boolean sees(Caller caller, String enterpriseCode);

    /** Whether the caller sees the live parameters of the enterprise with this USCC (C3). */
    boolean seesLive(Caller caller, String enterpriseCode);

    /**
     * The grant or override under which a caller above county level sees this enterprise's live data, for the audit
     * log; empty when no grant is involved (own county, enterprise, or no access).
     */
    Optional<String> liveGrantUsed(Caller caller, String enterpriseCode);

    /** Drops cached callers and enterprise locations (after changes made outside the services). */
    void invalidate();
}
