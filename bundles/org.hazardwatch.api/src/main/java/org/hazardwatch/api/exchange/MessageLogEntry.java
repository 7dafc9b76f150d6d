package org.hazardwatch.api.exchange;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of an exchange link's message log.
 *
 * @param id log id (0 before it is stored)
 * @param loggedAt when this node logged it
 * @param direction sent to or received from the neighbour
 * @param neighbour the organisation code of the node at the other end
 * @param messageId the envelope's id
 * @param type the envelope's type ({@code samples}, {@code alarms}, {@code points}, {@code threshold-change}, ...)
 * @param seq the sender's sequence number on this link
 * @param created when the sender sealed it
 * @param status what became of it
 * @param reason why it was rejected or dropped, or {@code null}
 * @param sizeBytes the envelope's size on the wire
 * @param items how many samples, alarms or points it carries
 */
public record MessageLogEntry(long id, Instant loggedAt, Direction direction, String neighbour, String messageId, String type,
        long seq, Instant created, Status status, String reason, int sizeBytes, int items) {

    public enum Direction {
        OUT,
        IN
    }

    public enum Status {
        /** Sealed and put in the outbox (on disk) for the neighbour. */
        QUEUED,
        /** The neighbour's broker has it. */
        SENT,
        /** Kept back while the link was down; sent later from the backlog. */
        BACKLOG,
        /** Opened, checked and stored. */
        ACCEPTED,
        /**
         * Waiting for the points it refers to: they come in a message still behind it (in the sender's backlog, while
         * live data went first). Retried every 10 s until they are there or the message expires.
         */
        PARKED,
        /** A second delivery of a message already accepted; nothing stored. */
        DUPLICATE,
        /** Refused; the reason says why. */
        REJECTED,
        /** Dropped from a full backlog, as configured. */
        DROPPED
    }

    public MessageLogEntry {
        Objects.requireNonNull(loggedAt, "loggedAt");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(neighbour, "neighbour");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
    }
}
