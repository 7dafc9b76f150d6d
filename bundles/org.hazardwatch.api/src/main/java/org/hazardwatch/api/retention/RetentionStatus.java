package org.hazardwatch.api.retention;

import java.time.Instant;
import java.util.List;

/**
 * The retention settings in force and the state of the retained tables.
 *
 * @param rawSampleDays raw samples are kept this long
 * @param minuteDays minute aggregates this long
 * @param hourDays hour aggregates this long
 * @param alarmDays alarms that are over this long (open ones and those with a disposal record stay)
 * @param tables per table: rows and oldest entry
 * @param minuteWatermark minutes before this are aggregated
 * @param hourWatermark hours before this are aggregated
 * @param lastRun when retention last ran, or {@code null}
 * @param lastResult what the last run did, or {@code null}
 */
public record RetentionStatus(int rawSampleDays, int minuteDays, int hourDays, int alarmDays, List<Table> tables,
        Instant minuteWatermark, Instant hourWatermark, Instant lastRun, String lastResult) {

    public record Table(String name, long rows, Instant oldest) {
    }
}
