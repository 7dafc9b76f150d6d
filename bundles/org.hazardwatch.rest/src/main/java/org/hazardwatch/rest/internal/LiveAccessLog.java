package org.hazardwatch.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every use of authorised upper-level access to live data (C3) in the audit log: who read which county's live
 * data under which grant, from where. Pages refresh every few seconds, so one entry per user, grant and kind of read
 * is written per {@link #WINDOW}; the count of reads folded into it is in the next entry's detail.
 */
final class LiveAccessLog {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private final Logger logger = LoggerFactory.getLogger(LiveAccessLog.class);
    private final AuditLog audit;
    private final AccessControl access;
    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();

    LiveAccessLog(AuditLog audit, AccessControl access) {
        this.audit = audit;
        this.access = access;
    }

    /** Records that the caller read live data of these enterprises; {@code what} names the read, e.g. "points". */
    void record(Caller caller, Collection<String> enterpriseCodes, String what, String clientIp) {
        if (!caller.level().needsGrantForLive() || enterpriseCodes.isEmpty()) {
            return;
        }
        TreeSet<String> grants = new TreeSet<>();
        for (String code : new TreeSet<>(enterpriseCodes)) {
            Optional<String> grant = access.liveGrantUsed(caller, code);
            grant.ifPresent(grants::add);
        }
        Instant now = Instant.now();
        for (String grant : grants) {
            String key = caller.username() + "|" + grant + "|" + what;
            Instant last = lastLogged.get(key);
            if (last != null && last.plus(WINDOW).isAfter(now)) {
                continue;
            }
            lastLogged.put(key, now);
            try {
                audit.append(new AuditEntry.Draft(caller.username(), caller.organisationName(), AuditFilter.actorRegion(caller), clientIp,
                        "live.access", "region", grant.startsWith("grant:") ? grant.substring(6) : null, "OK", null, null,
                        what + " under " + grant));
            } catch (RuntimeException e) {
                logger.error("AUDIT WRITE FAILED for live access of {}: {}", caller.username(), e.getMessage());
            }
        }
    }
}
