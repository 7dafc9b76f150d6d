package org.hazardwatch.api.analytics;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.hazardwatch.api.security.Caller;

/**
 * Alarm analysis (B1-B4) for a region of the caller's scope over whole months (China time), from statistics tables
 * kept up to date incrementally from the alarm table (a few seconds behind it), so that analyses over millions of
 * alarms never scan them. Process alarms and instrument faults are counted apart everywhere. At upper levels it works
 * on the alarms the levels below sent up.
 */
public interface AlarmAnalytics {

    /** Seasons of the months (Northern hemisphere, meteorological): spring 3-5, summer 6-8, autumn 9-11, winter 12-2. */
    List<String> SEASONS = List.of("SPRING", "SUMMER", "AUTUMN", "WINTER");

    /**
     * Counts of one part (a region one level down, an enterprise, an industry).
     *
     * @param byMonthOfYear month 1-12 → alarms (for the seasonal trend of an industry)
     */
    record Part(String code, String name, long total, long process, long instrument, Map<Integer, Long> byMonthOfYear) {
    }

    /**
     * Today and this hour (China time), from the alarm table itself.
     *
     * @param byPointType point type → alarms today
     */
    record Live(Instant at, long today, long thisHour, long todayProcess, long todayInstrument, Map<String, Long> byPointType) {
    }

    /**
     * @param byCategory PROCESS, INSTRUMENT → alarms
     * @param byPointType LEVEL, TEMPERATURE, PRESSURE, FLOW, COMBUSTIBLE_GAS, TOXIC_GAS, OTHER → alarms
     * @param byMonth "2026-03" → alarms, every month of the period
     * @param byMonthOfYear 1-12 → alarms
     * @param bySeason SPRING, SUMMER, AUTUMN, WINTER → alarms
     * @param byHour hour of day 0-23 → alarms; null with an industry filter (hours are not kept per industry)
     * @param children parts one level down (provinces, cities, counties, enterprises), most alarms first
     * @param industries GB/T 4754 industry classes, most alarms first, each with its months of the year
     * @param upTo when the statistics last counted new alarms (they run a few seconds behind the alarm table)
     */
    record Analysis(String regionCode, String regionName, String childLevel, YearMonth from, YearMonth to, long total,
            Map<String, Long> byCategory, Map<String, Long> byPointType, Map<String, Long> byMonth, Map<Integer, Long> byMonthOfYear,
            Map<String, Long> bySeason, Map<Integer, Long> byHour, List<Part> children, List<Part> industries, Live live, Instant upTo) {
    }

    /** One instrument's alarms over the period: when they happen. */
    record DeviceAnalysis(String pointId, String name, String pointType, String enterpriseCode, YearMonth from, YearMonth to, long total,
            Map<String, Long> byKind, Map<Integer, Long> byMonthOfYear, Map<String, Long> bySeason, Map<Integer, Long> byHour) {
    }

    /**
     * @param region the caller's scope when null; 37 / 370000, 3702 / 370200, 370281, a park code or a USCC
     * @param from first month (default: 11 months before {@code to}); {@code to} last month (default: this month)
     * @param industry GB/T 4754 code prefix, or null
     * @param pointType a point type, or null for all
     * @throws SecurityException outside the caller's scope or without {@code analytics:view}
     */
    Analysis analyse(Caller caller, String region, YearMonth from, YearMonth to, String industry, String pointType);

    /** Only today and this hour (for pages that refresh them often), with the same filters. */
    Live live(Caller caller, String region, String industry, String pointType);

    /** One point's alarms; empty when the caller does not see it. */
    java.util.Optional<DeviceAnalysis> device(Caller caller, String pointId, YearMonth from, YearMonth to);

    /** Counts the alarms not yet counted; returns how many. Runs by itself every few seconds. */
    long catchUp();

    /** Empties the statistics and counts every alarm again (after a restore, say); returns how many. */
    long rebuild();
}
