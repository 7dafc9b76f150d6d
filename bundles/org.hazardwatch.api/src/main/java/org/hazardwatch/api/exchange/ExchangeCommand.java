package org.hazardwatch.api.exchange;

import java.time.Instant;
import java.util.Objects;

/**
 * A command an upper node sent down the tree (requirement I4), signed by each node on the way, and what the target
 * answered.
 *
 * @param id the command's id, the same at every node on the way
 * @param type {@code threshold-change}, or {@code live-query} (an upper level reading an enterprise's current values on
 *        demand, requirement C3)
 * @param enterpriseCode the enterprise it is for
 * @param pointId the point (qualified id, as the upper node knows it), or {@code null}
 * @param body the command as JSON
 * @param result what the target sent back with its answer as JSON (the current values a live query read), or null
 */
public record ExchangeCommand(String id, String type, String enterpriseCode, String pointId, String body, String requestedBy,
        Instant requestedAt, Status status, String detail, Instant answeredAt, String result) {

    public enum Status {
        /** Sent down, no answer yet. */
        SENT,
        /** The enterprise node applied it. */
        APPLIED,
        /** The enterprise node (or a node on the way) refused it; the detail says why. */
        REFUSED,
        /** A query was answered: the result holds what the target read. */
        ANSWERED
    }

    /** A command without a result. */
    public ExchangeCommand(String id, String type, String enterpriseCode, String pointId, String body, String requestedBy,
            Instant requestedAt, Status status, String detail, Instant answeredAt) {
        this(id, type, enterpriseCode, pointId, body, requestedBy, requestedAt, status, detail, answeredAt, null);
    }

    public ExchangeCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(enterpriseCode, "enterpriseCode");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(status, "status");
    }
}
