package org.hazardwatch.api.alarm;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.registry.Page;

/**
 * Operator actions on alarms and the alarm journal. Every action is attributed to a user and recorded as an
 * {@link AlarmEvent}.
 */
public interface AlarmService {

    Page<Alarm> search(AlarmQuery query);

    Optional<Alarm> find(long alarmId);

    /** The occurrence's history, oldest first. */
    List<AlarmEvent> history(long alarmId);

    /**
     * Acknowledges an occurrence waiting for it.
     *
     * @throws java.util.NoSuchElementException when there is no such alarm
     * @throws IllegalStateException when it does not wait for an acknowledgement
     */
    Alarm acknowledge(long alarmId, String user, String comment);

    /**
     * Shelves an open alarm for {@code duration} (at most {@link #MAX_SHELVE}); the point's alarm of the same kind stays
     * shelved until then, across occurrences.
     *
     * @throws IllegalArgumentException when the reason is blank or the duration out of range
     * @throws IllegalStateException when the occurrence is over
     */
    Alarm shelve(long alarmId, Duration duration, String reason, String user);

    /** Ends shelving early. @throws IllegalStateException when it is not shelved */
    Alarm unshelve(long alarmId, String user);

    /** The longest an alarm can be shelved: shelving is a temporary measure, not a way to switch alarms off. */
    Duration MAX_SHELVE = Duration.ofDays(7);
}
