package org.hazardwatch.api.exchange;

import java.time.Instant;

/**
 * A filter of the message log; {@code null} fields do not filter.
 *
 * @param before only entries with a log id below this (paging backwards), or {@code null}
 */
public record MessageLogQuery(String neighbour, MessageLogEntry.Direction direction, MessageLogEntry.Status status,
        String type, Instant from, Instant to, Long before, int limit) {

    public MessageLogQuery {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1-1000");
        }
    }
}
