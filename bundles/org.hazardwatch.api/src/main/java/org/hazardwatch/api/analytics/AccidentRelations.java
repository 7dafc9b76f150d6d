package org.hazardwatch.api.analytics;

import java.time.YearMonth;
import java.util.List;

import org.hazardwatch.api.security.Caller;

/**
 * Alarm-to-accident relation (B5, the statistics): how often alarms were followed by accidents, and which alarm
 * patterns preceded accidents more often than the baseline. The alarms before one accident are
 * {@link org.hazardwatch.api.accident.AccidentService#precedingAlarms}.
 *
 * <p>Method (also on the page and in docs/accidents-and-analytics.md): the conversion rate is accidents per 1,000
 * alarms. For an alarm kind or point type an accident counts when at least one alarm of it was raised at the same
 * enterprise in the window before the accident; for an industry or a region, the accidents and alarms of it. Patterns
 * are association rules "alarm items ⇒ accident" over enterprise-days (China time) with at least one alarm: an item is
 * "pointType/kind"; an accident's transaction holds the items of the alarms in the window before it.
 */
public interface AccidentRelations {

    int DEFAULT_WINDOW_HOURS = 24;
    int MAX_WINDOW_HOURS = 720;
    /** A rule is shown only when this many accidents had its items before them. */
    int MIN_ACCIDENTS = 2;
    /** Most rules returned, highest lift first. */
    int MAX_RULES = 50;

    /**
     * @param key an alarm kind, a point type, an industry code or a region code (one level down)
     * @param per1000 accidents per 1,000 alarms; null without alarms
     */
    record Rate(String key, String name, long accidents, long alarms, Double per1000) {
    }

    /**
     * @param items "pointType/kind", one or two
     * @param accidents accidents that had all the items in the window before them
     * @param windows enterprise-days with all the items
     * @param support accidents / transactions
     * @param confidence accidents / windows (at most 1)
     * @param lift confidence / base rate
     */
    record Rule(List<String> items, long accidents, long windows, double support, double confidence, double lift) {
    }

    /**
     * @param transactions enterprise-days of the area and period with at least one alarm
     * @param accidentTransactions accidents with at least one alarm in the window before them
     * @param baseRate accidentTransactions / transactions
     */
    record Patterns(long transactions, long accidentTransactions, double baseRate, int minAccidents, List<Rule> rules) {
    }

    /**
     * @param accidentsWithAlarms accidents with at least one alarm at the enterprise in the window before them
     * @param alarms alarms of the area and period (process alarms and instrument faults)
     */
    record Analysis(AreaRef area, YearMonth from, YearMonth to, int windowHours, long accidents, long accidentsWithAlarms, long alarms,
            Double per1000, List<Rate> byKind, List<Rate> byPointType, List<Rate> byIndustry, List<Rate> byRegion, Patterns patterns) {
    }

    /**
     * @param region as {@link AlarmAnalytics#analyse}
     * @param from first month (default: 11 months before {@code to}); {@code to} last month (default: this month)
     * @param industry GB/T 4754 code prefix, or null
     * @param windowHours hours before an accident that count (1-720; null: 24)
     * @throws SecurityException outside the caller's scope or without {@code analytics:view}
     */
    Analysis analyse(Caller caller, String region, YearMonth from, YearMonth to, String industry, Integer windowHours);
}
