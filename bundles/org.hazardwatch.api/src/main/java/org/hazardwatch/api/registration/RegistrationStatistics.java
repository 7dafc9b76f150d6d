package org.hazardwatch.api.registration;

import java.util.List;
import java.util.Map;

/**
 * Registration statistics of the caller's scope (F3): applications by status, registered sources by grade and region,
 * and what happened per month.
 *
 * @param byStatus applications of each kind by status (kind -> status -> count)
 * @param registeredByGrade hazard sources whose latest registration stands, by grade ("1".."4", "none")
 * @param byRegion per county: registered, cancelled, pending applications
 * @param byMonth per month (yyyy-MM, China time) of the period: applications submitted, registrations, cancellations
 */
public record RegistrationStatistics(Map<RegistrationKind, Map<RegistrationStatus, Long>> byStatus, Map<String, Long> registeredByGrade,
        List<RegionRow> byRegion, List<MonthRow> byMonth) {

    public record RegionRow(String regionCode, String regionName, long registered, long cancelled, long pending) {
    }

    public record MonthRow(String month, long submitted, long registered, long cancelled) {
    }
}
