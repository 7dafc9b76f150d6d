package org.hazardwatch.api.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.Sample;

/**
 * What the exchange links keep in the node's database. Receiving is exactly-once: each {@code accept...} records the
 * message id of its sender and writes what the message carries in one transaction, so a message delivered twice (a
 * redelivery after a crash, a replay) is written once; it answers {@code false}, writing nothing, for a message seen
 * before. Data a message carries that the database refuses (an unknown point, a value out of range) fails with
 * {@link RefusedDataException}; other failures (the database is down) with a runtime exception worth retrying.
 */
public interface ExchangeStore {

    /** Stores samples received from a lower node (their point ids qualified with the enterprise code). */
    boolean acceptSamples(String sender, String messageId, Instant expires, List<Sample> samples);

    /** Inserts or updates alarms received from a lower node; an update older than the stored one is ignored. */
    boolean acceptAlarms(String sender, String messageId, Instant expires, List<AlarmReplica> alarms);

    /** Only records the message id, for messages whose handling is idempotent by itself. */
    boolean accept(String sender, String messageId, Instant expires);

    /** Whether this sender's message id was accepted before. */
    boolean seen(String sender, String messageId);

    /** Changes of this node's own alarms (not of received ones) after the alarm journal position {@code eventId}. */
    List<AlarmChange> alarmChangesAfter(long eventId, int limit);

    /** The highest alarm journal position, where a new link starts. */
    long lastAlarmEventId();

    /** A named position of an upward feed; {@code 0} when never saved. */
    long cursor(String name);

    Optional<String> cursorText(String name);

    void saveCursor(String name, long position, String text);

    /** Remembers that an enterprise's data arrives through {@code viaNode}, where its commands go down. */
    void route(String enterpriseCode, String viaNode, Instant at);

    Optional<String> routeOf(String enterpriseCode);

    /** The lower nodes data arrives through (each an organisation code), in code order. */
    default java.util.List<String> childNodes() {
        return java.util.List.of();
    }

    void log(MessageLogEntry entry);

    List<MessageLogEntry> messages(MessageLogQuery query);

    /**
     * When the message with this id from this neighbour was sealed, as logged when it was accepted; empty when it was
     * not accepted.
     */
    default Optional<Instant> acceptedSealedAt(String neighbour, String messageId) {
        return Optional.empty();
    }

    /** The highest sequence number logged on a link in a direction, 0 for none. */
    long lastSequence(String neighbour, MessageLogEntry.Direction direction);

    /** Removes log entries before {@code before}; returns how many. */
    int forgetMessagesBefore(Instant before);

    void saveCommand(ExchangeCommand command);

    /** Records the answer of a command's target; false when there is no such command. */
    default boolean answerCommand(String commandId, ExchangeCommand.Status status, String detail, Instant at) {
        return answerCommand(commandId, status, detail, null, at);
    }

    /** Records the answer with its result (JSON, may be null); false when there is no such command. */
    boolean answerCommand(String commandId, ExchangeCommand.Status status, String detail, String result, Instant at);

    Optional<ExchangeCommand> command(String commandId);

    List<ExchangeCommand> commands(int limit);

    /** An alarm as its origin node has it, with its place in the origin's alarm journal. */
    record AlarmReplica(String originNode, long originAlarmId, long version, Alarm alarm) {
    }

    /** One of this node's alarms as it is after journal entry {@code eventId}. */
    record AlarmChange(long eventId, Alarm alarm) {
    }

    /** Data of a message the database refuses; retrying as it is does not help. */
    class RefusedDataException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean unknownPoint;

        public RefusedDataException(String message, Throwable cause) {
            this(message, cause, false);
        }

        public RefusedDataException(String message, Throwable cause, boolean unknownPoint) {
            super(message, cause);
            this.unknownPoint = unknownPoint;
        }

        /** Refused because a point it refers to is not (yet) defined here: the point may still arrive. */
        public boolean unknownPoint() {
            return unknownPoint;
        }
    }
}
