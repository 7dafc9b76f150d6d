package org.hazardwatch.api.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.time.YearMonth;

import org.hazardwatch.api.security.Caller;

/**
 * The monthly report (监测预警月报) of a region as PDF, in Chinese: major hazard sources at the month's end, the month's
 * alarms against the month before, by part, point type and hour, the accidents and their relation to alarms.
 */
public interface MonthlyReport {

    /**
     * @param region the caller's scope when blank; as {@link AlarmAnalytics#analyse}
     * @param month a month up to this one (this month: up to now)
     * @throws SecurityException outside the caller's scope or without {@code analytics:view}
     * @throws org.hazardwatch.api.registry.ValidationException for a month in the future
     */
    void write(Caller caller, String region, YearMonth month, OutputStream out) throws IOException;
}
