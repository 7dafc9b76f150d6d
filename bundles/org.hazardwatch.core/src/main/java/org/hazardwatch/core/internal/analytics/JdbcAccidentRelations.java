package org.hazardwatch.core.internal.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.hazardwatch.api.analytics.AccidentRelations;
import org.hazardwatch.api.analytics.AreaRef;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.Industry;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.core.internal.db.Jdbc;
import org.hazardwatch.core.internal.registry.IndustryCatalog;

/**
 * Conversion rates and association rules from the accident register, the alarms before each accident (the alarm
 * table, by point and time) and {@code alarm_stat_day} (alarms per enterprise, day, point type and kind), so that no
 * request reads the period's alarms themselves.
 */
public class JdbcAccidentRelations implements AccidentRelations {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, String> industryNames = new HashMap<>();

    public JdbcAccidentRelations(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        for (Industry i : IndustryCatalog.load().all()) {
            industryNames.put(i.code(), i.name());
        }
    }

    /** An accident of the period with the alarm items of the window before it (empty when none or not registered). */
    record AccidentItems(String uscc, String enterpriseName, String regionCode, String industryCode, Instant occurredAt, Set<String> items) {
    }

    /** Accidents and alarms of one key. */
    private static final class Tally {
        long accidents;
        long alarms;
    }

    @Override
    public Analysis analyse(Caller caller, String region, YearMonth from, YearMonth to, String industry, Integer windowHours) {
        int hours = windowHours == null ? DEFAULT_WINDOW_HOURS : windowHours;
        if (hours < 1 || hours > MAX_WINDOW_HOURS) {
            throw new ValidationException(List.of(new FieldError("hours", "OUT_OF_RANGE", "1 to " + MAX_WINDOW_HOURS + " hours")));
        }
        String industryPrefix = AnalysisArea.industry(industry);
        YearMonth[] months = JdbcAlarmAnalytics.months(YearMonth.from(clock.instant().atZone(CHINA)), from, to);
        LocalDate firstDay = months[0].atDay(1);
        LocalDate lastDay = months[1].atEndOfMonth();
        try (Connection c = dataSource.getConnection()) {
            AnalysisArea.Area area = AnalysisArea.area(c, caller, region);
            List<AccidentItems> accidents = accidents(c, area, firstDay, lastDay, industryPrefix, Duration.ofHours(hours));
            long withAlarms = accidents.stream().filter(a -> !a.items().isEmpty()).count();

            ItemCounts pass = itemCounts(c, area, firstDay, lastDay, industryPrefix);
            Map<String, Tally> byKind = pass.byKind;
            Map<String, Tally> byPointType = pass.byPointType;
            Map<String, Tally> byIndustry = pass.byIndustry;
            Map<String, Tally> byRegion = pass.byRegion;
            long alarms = byKind.values().stream().mapToLong(t -> t.alarms).sum();
            Map<String, String> enterpriseNames = new HashMap<>();
            for (AccidentItems a : accidents) {
                Set<String> kinds = new TreeSet<>();
                Set<String> types = new TreeSet<>();
                for (String item : a.items()) {
                    int slash = item.indexOf('/');
                    types.add(item.substring(0, slash));
                    kinds.add(item.substring(slash + 1));
                }
                kinds.forEach(k -> byKind.computeIfAbsent(k, x -> new Tally()).accidents++);
                types.forEach(t -> byPointType.computeIfAbsent(t, x -> new Tally()).accidents++);
                if (a.industryCode() != null && !a.industryCode().isBlank()) {
                    byIndustry.computeIfAbsent(a.industryCode().strip(), x -> new Tally()).accidents++;
                }
                String child = childOf(area, a);
                if (child != null) {
                    byRegion.computeIfAbsent(child, x -> new Tally()).accidents++;
                    if (a.uscc() == null) {
                        enterpriseNames.put(child, a.enterpriseName());
                    }
                }
            }
            Map<String, String> childNames = childNames(c, area, byRegion.keySet(), enterpriseNames);
            return new Analysis(new AreaRef(area.code(), area.name(), area.kind().name()), months[0], months[1], hours, accidents.size(), withAlarms,
                    alarms, per1000(accidents.size(), alarms), rates(byKind, Map.of()), rates(byPointType, Map.of()), rates(byIndustry, industryNames),
                    rates(byRegion, childNames), patterns(pass, accidents));
        } catch (SQLException e) {
            throw Jdbc.failure("relating alarms to accidents", e);
        }
    }

    static Double per1000(long accidents, long alarms) {
        return alarms == 0 ? null : accidents * 1000.0 / alarms;
    }

    private static List<Rate> rates(Map<String, Tally> tallies, Map<String, String> names) {
        List<Rate> rates = new ArrayList<>();
        tallies.forEach((key, t) -> rates.add(new Rate(key, names.get(key), t.accidents, t.alarms, per1000(t.accidents, t.alarms))));
        rates.sort(Comparator.comparingLong(Rate::accidents).reversed().thenComparing(Comparator.comparingLong(Rate::alarms).reversed())
                .thenComparing(Rate::key));
        return rates;
    }

    /** The part one level down of a day row; null for one enterprise, and for an unregistered one above a county. */
    private static String childOf(AnalysisArea.Area area, String regionCode, String uscc) {
        return switch (area.kind()) {
            case NATION -> regionCode.length() == 6 ? regionCode.substring(0, 2) : null;
            case PROVINCE -> regionCode.length() == 6 ? regionCode.substring(0, 4) : null;
            case CITY -> regionCode.length() == 6 ? regionCode : null;
            case COUNTY, PARK -> uscc.isEmpty() ? null : uscc;
            case ENTERPRISE -> null;
        };
    }

    private static String childOf(AnalysisArea.Area area, AccidentItems a) {
        if (area.kind() == AnalysisArea.AreaKind.ENTERPRISE
                || area.kind().ordinal() <= AnalysisArea.AreaKind.CITY.ordinal() && (a.regionCode() == null || a.regionCode().strip().length() != 6)) {
            return null;
        }
        return area.childOf(a.regionCode().strip(), a.uscc(), a.enterpriseName());
    }

    private Map<String, String> childNames(Connection c, AnalysisArea.Area area, Set<String> codes, Map<String, String> unregistered)
            throws SQLException {
        if (area.kind() != AnalysisArea.AreaKind.COUNTY && area.kind() != AnalysisArea.AreaKind.PARK) {
            return AnalysisArea.childNames(c, area, new ArrayList<>(codes));
        }
        Map<String, String> names = new HashMap<>(unregistered);
        List<String> usccs = codes.stream().filter(code -> !names.containsKey(code)).toList();
        for (int from = 0; from < usccs.size(); from += 500) {
            List<String> some = usccs.subList(from, Math.min(usccs.size(), from + 500));
            try (PreparedStatement s = c.prepareStatement("SELECT uscc, name FROM enterprise WHERE uscc IN ("
                    + String.join(", ", java.util.Collections.nCopies(some.size(), "?")) + ")")) {
                Jdbc.bind(s, new ArrayList<>(some));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        names.put(rs.getString(1).strip(), rs.getString(2));
                    }
                }
            }
        }
        return names;
    }

    /** The conditions on {@code alarm_stat_day} for the area, period and industry. */
    private static String dayRows(AnalysisArea.Area area, LocalDate firstDay, LocalDate lastDay, String industry, List<Object> args) {
        args.add(firstDay);
        args.add(lastDay);
        StringBuilder where = new StringBuilder("day_start >= ? AND day_start <= ? AND ").append(area.condition(args));
        if (industry != null) {
            where.append(" AND industry_code LIKE ?");
            args.add(industry + "%");
        }
        return where.toString();
    }

    /** The period's accidents of the area, each with the items of the alarms at its enterprise in the window before it. */
    private static List<AccidentItems> accidents(Connection c, AnalysisArea.Area area, LocalDate firstDay, LocalDate lastDay, String industry,
            Duration window) throws SQLException {
        List<Object> args = new ArrayList<>();
        args.add(firstDay.atStartOfDay(CHINA).toInstant());
        args.add(lastDay.plusDays(1).atStartOfDay(CHINA).toInstant());
        StringBuilder sql = new StringBuilder("SELECT uscc, enterprise_name, region_code, industry_code, occurred_at FROM accident ")
                .append("WHERE voided_at IS NULL AND occurred_at >= ? AND occurred_at < ? AND ").append(area.condition(args));
        if (industry != null) {
            sql.append(" AND industry_code LIKE ?");
            args.add(industry + "%");
        }
        sql.append(" ORDER BY occurred_at, id");
        List<AccidentItems> accidents = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String uscc = rs.getString("uscc");
                    accidents.add(new AccidentItems(uscc == null ? null : uscc.strip(), rs.getString("enterprise_name"), rs.getString("region_code"),
                            rs.getString("industry_code"), Jdbc.getInstant(rs, "occurred_at"), new TreeSet<>()));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT p.point_type, a.kind FROM alarm a JOIN monitoring_point p ON p.id = a.point_id "
                + "WHERE p.enterprise_code = ? AND a.raised_at >= ? AND a.raised_at < ?")) {
            for (AccidentItems a : accidents) {
                if (a.uscc() == null) {
                    continue;
                }
                s.setString(1, a.uscc());
                Jdbc.setInstant(s, 2, a.occurredAt().minus(window));
                Jdbc.setInstant(s, 3, a.occurredAt());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String type = rs.getString(1);
                        a.items().add((type == null ? "OTHER" : type) + "/" + rs.getString(2));
                    }
                }
            }
        }
        return accidents;
    }

    // ------------------------------------------------------------------ association rules

    private static Patterns patterns(ItemCounts counts, List<AccidentItems> accidents) {
        long transactions = counts.transactions;
        long accidentTransactions = accidents.stream().filter(a -> !a.items().isEmpty()).count();
        double baseRate = transactions == 0 ? 0 : (double) accidentTransactions / transactions;
        List<Rule> rules = new ArrayList<>();
        if (transactions > 0) {
            for (Map.Entry<List<String>, Long> candidate : candidates(accidents).entrySet()) {
                List<String> items = candidate.getKey();
                long windows = counts.windows(items);
                long hits = candidate.getValue();
                // an accident's window is the hours before it, not a calendar day: it may hold items no single day has
                double confidence = Math.min(1.0, (double) hits / Math.max(windows, 1));
                rules.add(new Rule(items, hits, windows, (double) hits / transactions, confidence, baseRate == 0 ? 0 : confidence / baseRate));
            }
        }
        rules.sort(Comparator.comparingDouble(Rule::lift).reversed().thenComparing(Comparator.comparingLong(Rule::accidents).reversed())
                .thenComparing(r -> String.join(",", r.items())));
        return new Patterns(transactions, accidentTransactions, baseRate, MIN_ACCIDENTS, List.copyOf(rules.subList(0, Math.min(MAX_RULES, rules.size()))));
    }

    /**
     * What one pass over the period's day rows gives: enterprise-days with alarms, with each item and each pair of
     * items, and the alarms by kind, point type, industry and part one level down.
     */
    static final class ItemCounts {
        final Map<String, Tally> byKind = new LinkedHashMap<>();
        final Map<String, Tally> byPointType = new LinkedHashMap<>();
        final Map<String, Tally> byIndustry = new LinkedHashMap<>();
        final Map<String, Tally> byRegion = new LinkedHashMap<>();
        final Map<String, Integer> index = new HashMap<>();
        long transactions;
        long[] singles = new long[0];
        long[][] pairs = new long[0][0];

        int index(String item) {
            Integer i = index.get(item);
            if (i == null) {
                i = index.size();
                index.put(item, i);
                singles = java.util.Arrays.copyOf(singles, i + 1);
                long[][] grown = new long[i + 1][i + 1];
                for (int r = 0; r < pairs.length; r++) {
                    System.arraycopy(pairs[r], 0, grown[r], 0, pairs.length);
                }
                pairs = grown;
            }
            return i;
        }

        void day(List<Integer> items) {
            transactions++;
            for (int a = 0; a < items.size(); a++) {
                singles[items.get(a)]++;
                for (int b = a + 1; b < items.size(); b++) {
                    int x = Math.min(items.get(a), items.get(b));
                    int y = Math.max(items.get(a), items.get(b));
                    pairs[x][y]++;
                }
            }
        }

        long windows(List<String> items) {
            Integer a = index.get(items.get(0));
            if (a == null) {
                return 0;
            }
            if (items.size() == 1) {
                return singles[a];
            }
            Integer b = index.get(items.get(1));
            return b == null ? 0 : pairs[Math.min(a, b)][Math.max(a, b)];
        }
    }

    /**
     * One pass over the period's rows of {@code alarm_stat_day} in primary key order (day, enterprise), so that an
     * enterprise-day's items come together and nothing but the current day is held.
     */
    static ItemCounts itemCounts(Connection c, AnalysisArea.Area area, LocalDate firstDay, LocalDate lastDay, String industry) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = dayRows(area, firstDay, lastDay, industry, args);
        ItemCounts counts = new ItemCounts();
        boolean autoCommit = c.getAutoCommit();
        // PostgreSQL streams a result with a fetch size only inside a transaction
        c.setAutoCommit(false);
        // OFFSET 0 keeps PostgreSQL from reading the period in key order through the primary key (a random heap read per
        // row, twice as slow nationally as a scan and a sort); a region's rows still come through the region index
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM (SELECT day_start, uscc, point_type, kind, region_code, industry_code, alarms "
                + "FROM alarm_stat_day WHERE " + where + " OFFSET 0) d ORDER BY day_start, uscc")) {
            s.setFetchSize(10_000);
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                Object day = null;
                String uscc = null;
                List<Integer> items = new ArrayList<>();
                while (rs.next()) {
                    Object rowDay = rs.getObject(1);
                    String rowUscc = rs.getString(2);
                    if (!rowDay.equals(day) || !rowUscc.equals(uscc)) {
                        if (!items.isEmpty()) {
                            counts.day(items);
                        }
                        items.clear();
                        day = rowDay;
                        uscc = rowUscc;
                    }
                    String type = rs.getString(3);
                    String kind = rs.getString(4);
                    String regionCode = rs.getString(5).strip();
                    String industryCode = rs.getString(6).strip();
                    long alarms = rs.getLong(7);
                    counts.byKind.computeIfAbsent(kind, k -> new Tally()).alarms += alarms;
                    counts.byPointType.computeIfAbsent(type, k -> new Tally()).alarms += alarms;
                    if (!industryCode.isEmpty()) {
                        counts.byIndustry.computeIfAbsent(industryCode, k -> new Tally()).alarms += alarms;
                    }
                    String child = childOf(area, regionCode, rowUscc.strip());
                    if (child != null) {
                        counts.byRegion.computeIfAbsent(child, k -> new Tally()).alarms += alarms;
                    }
                    int item = counts.index(type + "/" + kind);
                    if (!items.contains(item)) {
                        items.add(item);
                    }
                }
                if (!items.isEmpty()) {
                    counts.day(items);
                }
            }
        } finally {
            c.commit();
            c.setAutoCommit(autoCommit);
        }
        return counts;
    }

    /** Itemsets of one and two items found before at least {@link #MIN_ACCIDENTS} accidents, with how many. */
    static Map<List<String>, Long> candidates(List<AccidentItems> accidents) {
        Map<List<String>, Long> counts = new HashMap<>();
        for (AccidentItems a : accidents) {
            List<String> items = new ArrayList<>(a.items());
            for (int i = 0; i < items.size(); i++) {
                counts.merge(List.of(items.get(i)), 1L, Long::sum);
                for (int j = i + 1; j < items.size(); j++) {
                    counts.merge(List.of(items.get(i), items.get(j)), 1L, Long::sum);
                }
            }
        }
        counts.values().removeIf(n -> n < MIN_ACCIDENTS);
        return counts;
    }
}
