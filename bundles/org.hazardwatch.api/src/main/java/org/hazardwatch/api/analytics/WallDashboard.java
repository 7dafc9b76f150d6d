package org.hazardwatch.api.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hazardwatch.api.security.Caller;

/** The monitoring centre's wall screen: the whole picture of the caller's scope, now. */
public interface WallDashboard {

    record Split(long process, long instrument) {
    }

    record HourSplit(int hour, long process, long instrument) {
    }

    record GradeCounts(long total, Map<String, Long> byGrade) {
    }

    /** @param byRiskLevel enterprises per risk level (RED, ORANGE, YELLOW, BLUE) */
    record Warnings(long predictions, Map<String, Long> byRiskLevel) {
    }

    record WorstEnterprise(String uscc, String name, String regionCode, String riskLevel, double score, int activeAlarms) {
    }

    record AccidentTotals(long count, long deaths, long injuries) {
    }

    /** @param online points with a good reading in the last five minutes */
    record Monitoring(long points, long online) {
    }

    /**
     * @param enterprises enterprises with a standing major hazard source or monitoring points
     * @param todayByHour China time, from midnight to the current hour
     * @param worstEnterprises at most ten, highest risk score first
     */
    record Summary(AreaRef area, Instant generatedAt, long enterprises, GradeCounts hazardSources, Split alarmsToday, Split alarmsThisHour,
            long activeAlarms, List<HourSplit> todayByHour, Warnings warnings, List<WorstEnterprise> worstEnterprises,
            AccidentTotals accidentsThisYear, Monitoring monitoring) {
    }

    /** How many enterprises the wall lists as the worst. */
    int WORST = 10;

    /** @throws SecurityException without {@code analytics:view} */
    Summary summary(Caller caller);
}
