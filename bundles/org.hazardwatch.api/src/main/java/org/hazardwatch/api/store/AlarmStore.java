package org.hazardwatch.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hazardwatch.api.alarm.AlarmEvent;
import org.hazardwatch.api.alarm.AlarmQuery;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.registry.Page;

/** Alarm occurrences, their journal, and shelving. Implementations are thread-safe. */
public interface AlarmStore {

    /** Occurrences newest first. */
    Page<Alarm> search(AlarmQuery query);

    Optional<Alarm> find(long alarmId);

    /** Every occurrence that is not over (state other than NORMAL), copies of lower nodes' alarms included. */
    List<Alarm> open();

    /** The open occurrences this node raised itself, which its alarm engine manages. */
    default List<Alarm> openOwn() {
        return open();
    }

    /**
     * Per point, the open occurrence that matters most to show on a tile: active before returned, then higher
     * priority, then newest.
     */
    Map<String, Alarm> activeByPoint();

    /**
     * Writes an occurrence and one journal event in one transaction: inserts the occurrence when its id is 0, else
     * updates it.
     *
     * @return the occurrence with its id
     */
    Alarm record(Alarm alarm, AlarmEvent event);

    /** The journal of one occurrence, in the order it was written. */
    List<AlarmEvent> history(long alarmId);

    /** Journal events in {@code [from, to)}, oldest first (for KPIs). */
    List<AlarmEvent> events(Instant from, Instant to);

    /** The open occurrence of a point's alarm of one kind that a local system reported, if there is one. */
    default java.util.Optional<Alarm> openFromSystem(String system, String pointId, AlarmKind kind) {
        return java.util.Optional.empty();
    }

    /**
     * Records an alarm a local system reported through the integration service: marked with the system's name, so this
     * node's engine leaves it alone (the system returns it), and sent up like the engine's alarms.
     */
    default Alarm recordFromSystem(String system, Alarm alarm, AlarmEvent event) {
        throw new UnsupportedOperationException("alarms of local systems are not kept here");
    }

    /** The local system that reported an alarm, if one did. */
    default java.util.Optional<String> sourceSystemOf(long alarmId) {
        return java.util.Optional.empty();
    }

    /** A point's alarm of one kind is shelved until {@code until}; {@code null} ends shelving. */
    void shelve(String pointId, AlarmKind kind, Instant until, String reason, String user);

    /** Every shelving in force or expired but not yet ended, keyed by point id then kind. */
    Map<String, Map<AlarmKind, Shelving>> shelvings();

    /** A point's alarm of one kind shelved until {@code until}. */
    record Shelving(String pointId, AlarmKind kind, Instant until, String reason, String user) {
    }

    /**
     * The node an occurrence was raised at, for the copies of lower nodes' alarms received through the exchange; empty
     * for this node's own alarms. Copies are acknowledged and shelved where they were raised, not here.
     */
    default java.util.Optional<String> originOf(long alarmId) {
        return java.util.Optional.empty();
    }
}
