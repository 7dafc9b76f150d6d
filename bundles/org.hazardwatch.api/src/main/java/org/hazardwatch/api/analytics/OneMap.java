package org.hazardwatch.api.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hazardwatch.api.security.Caller;

/**
 * The one map (J1): every enterprise with a major hazard source or monitoring in an area of the caller's scope, where
 * it is, its most severe grade and its live state. At upper levels it shows what the levels below sent up.
 */
public interface OneMap {

    /** Worst first: a marker shows the first that applies. */
    enum MarkerState {
        /** An active process alarm (报警), neither shelved nor suppressed. */
        ALARM,
        /** Early warning (预警): risk level red, orange or yellow, without an alarm. */
        WARNING,
        /** Only instrument faults (仪表故障). */
        FAULT,
        /** Monitored, nothing to report (正常). */
        NORMAL,
        /** No monitoring points (未接入监测). */
        UNMONITORED
    }

    /**
     * @param grade the enterprise's most severe grade among its standing major hazard sources (1 = 一级), null when none
     * @param hazardSources standing major hazard sources
     * @param riskLevel RED, ORANGE, YELLOW, BLUE from early warning, null when it has no monitoring points
     */
    record Marker(String uscc, String name, String regionCode, String parkCode, String industryCode, String industryGroup,
            double longitude, double latitude, Integer grade, int hazardSources, MarkerState state, int activeAlarms, String riskLevel) {
    }

    /**
     * @param unplaced enterprises of the selection without coordinates (not on the map)
     * @param counts "byGrade" → {"1": n, ...}, "byState" → {"ALARM": n, ...}, over the markers
     */
    record Markers(AreaRef area, Instant generatedAt, List<Marker> markers, int unplaced, Map<String, Map<String, Long>> counts) {
    }

    record CardHazardSource(long id, String code, String name, Integer grade, String status, String riskLevel) {
    }

    record CardAlarm(long id, String pointId, String pointName, String pointType, String kind, String priority, double value, String unit,
            Instant raisedAt) {
    }

    /** The enterprise card shown on a click. */
    record Card(String uscc, String name, String regionCode, String regionName, String parkCode, String parkName, String industryCode,
            String industryName, String industryGroup, String address, Double longitude, Double latitude, String contactName,
            String contactPhone, MarkerState state, String riskLevel, Double riskScore, List<CardHazardSource> hazardSources,
            List<CardAlarm> activeAlarms, long alarmsToday, long accidents) {
    }

    /** Most active alarms a card lists. */
    int CARD_ALARMS = 20;

    /**
     * @param region the caller's scope when blank; as {@link AlarmAnalytics#analyse}
     * @param grades only enterprises with a standing major hazard source of one of these grades; empty: all
     * @param industry an industry group (FINE_CHEMICALS, PETROCHEMICALS, COAL_CHEMICALS, OTHER) or a GB/T 4754 code prefix
     * @param states only these states; empty: all
     * @throws SecurityException outside the caller's scope or without {@code analytics:view}
     */
    Markers markers(Caller caller, String region, Set<Integer> grades, String industry, Set<MarkerState> states);

    /** Empty when the enterprise is not known or not in the caller's scope (the same answer). */
    Optional<Card> card(Caller caller, String uscc);
}
