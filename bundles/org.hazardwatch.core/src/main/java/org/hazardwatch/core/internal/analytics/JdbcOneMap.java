package org.hazardwatch.core.internal.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.hazardwatch.api.analytics.AreaRef;
import org.hazardwatch.api.analytics.OneMap;
import org.hazardwatch.api.analytics.WallDashboard;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.Industry;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.warning.EnterpriseRisk;
import org.hazardwatch.api.warning.HazardSourceWarning;
import org.hazardwatch.api.warning.RiskLevel;
import org.hazardwatch.api.warning.TrendPrediction;
import org.hazardwatch.core.internal.db.Jdbc;
import org.hazardwatch.core.internal.registry.IndustryCatalog;

/**
 * The one map and the wall screen, read from the registry, the monitoring points and the open alarms in a few grouped
 * queries (one row per enterprise), with the risk levels of early warning. An area of 12,000 enterprises is one pass.
 */
public class JdbcOneMap implements OneMap, WallDashboard {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** A point counts as online with a good reading this recent. */
    static final Duration ONLINE = Duration.ofMinutes(5);

    private static final String ACTIVE = "a.state IN ('UNACKED_ACTIVE', 'ACKED_ACTIVE') AND NOT a.suppressed "
            + "AND (a.shelved_until IS NULL OR a.shelved_until <= ?)";

    private final DataSource dataSource;
    private final Clock clock;
    private final Supplier<List<EnterpriseRisk>> risks;
    private final Supplier<List<TrendPrediction>> predictions;
    private final Map<String, String> industryNames = new HashMap<>();

    /**
     * @param risks early warning's enterprise risk levels (every enterprise with monitoring points)
     * @param predictions early warning's trend predictions within its horizon
     */
    public JdbcOneMap(DataSource dataSource, Clock clock, Supplier<List<EnterpriseRisk>> risks, Supplier<List<TrendPrediction>> predictions) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.risks = risks;
        this.predictions = predictions;
        for (Industry i : IndustryCatalog.load().all()) {
            industryNames.put(i.code(), i.name());
        }
    }

    /**
     * An enterprise of the area with what the map needs, coordinates or not.
     *
     * @param sourceGrades the grade of each standing major hazard source (null: not graded)
     */
    private record Row(String uscc, String name, String regionCode, String parkCode, String industryCode, String industryGroup, Double longitude,
            Double latitude, List<Integer> sourceGrades, int points, int processAlarms, int instrumentAlarms) {

        /** The most severe grade (1 = 一级), null when none is graded. */
        Integer grade() {
            return sourceGrades.stream().filter(Objects::nonNull).min(Integer::compare).orElse(null);
        }

        int hazardSources() {
            return sourceGrades.size();
        }

        boolean hasGradeIn(Set<Integer> grades) {
            return sourceGrades.stream().filter(Objects::nonNull).anyMatch(grades::contains);
        }
    }

    /** Grades 1 to 4, each with no count yet. */
    private static Map<String, Long> noGrades() {
        Map<String, Long> byGrade = new LinkedHashMap<>();
        for (int g = 1; g <= 4; g++) {
            byGrade.put(String.valueOf(g), 0L);
        }
        return byGrade;
    }

    // ------------------------------------------------------------------ the map

    @Override
    public Markers markers(Caller caller, String region, Set<Integer> grades, String industry, Set<MarkerState> states) {
        for (Integer grade : grades) {
            if (grade == null || grade < 1 || grade > 4) {
                throw new ValidationException(List.of(new FieldError("grade", "INVALID", "grades are 1 to 4")));
            }
        }
        IndustryFilter industryFilter = IndustryFilter.parse(industry);
        try (Connection c = dataSource.getConnection()) {
            AnalysisArea.Area area = AnalysisArea.area(c, caller, region);
            Instant now = clock.instant();
            Map<String, EnterpriseRisk> riskByUscc = riskByUscc();
            List<Marker> markers = new ArrayList<>();
            int unplaced = 0;
            for (Row row : rows(c, area, now)) {
                if (!grades.isEmpty() && !row.hasGradeIn(grades) || !industryFilter.matches(row)) {
                    continue;
                }
                EnterpriseRisk risk = riskByUscc.get(row.uscc());
                MarkerState state = state(row, risk);
                if (!states.isEmpty() && !states.contains(state)) {
                    continue;
                }
                if (row.longitude() == null || row.latitude() == null) {
                    unplaced++;
                    continue;
                }
                markers.add(new Marker(row.uscc(), row.name(), row.regionCode(), row.parkCode(), row.industryCode(), row.industryGroup(),
                        row.longitude(), row.latitude(), row.grade(), row.hazardSources(), state, row.processAlarms(),
                        risk == null ? null : risk.level().name()));
            }
            return new Markers(ref(area), now, markers, unplaced, counts(markers));
        } catch (SQLException e) {
            throw Jdbc.failure("reading the map", e);
        }
    }

    private static Map<String, Map<String, Long>> counts(List<Marker> markers) {
        Map<String, Long> byGrade = noGrades();
        Map<String, Long> byState = new LinkedHashMap<>();
        for (MarkerState s : MarkerState.values()) {
            byState.put(s.name(), 0L);
        }
        for (Marker m : markers) {
            if (m.grade() != null) {
                byGrade.merge(String.valueOf(m.grade()), 1L, Long::sum);
            }
            byState.merge(m.state().name(), 1L, Long::sum);
        }
        return Map.of("byGrade", byGrade, "byState", byState);
    }

    static MarkerState state(int points, int processAlarms, int instrumentAlarms, RiskLevel risk) {
        if (processAlarms > 0) {
            return MarkerState.ALARM;
        }
        if (risk == RiskLevel.RED || risk == RiskLevel.ORANGE || risk == RiskLevel.YELLOW) {
            return MarkerState.WARNING;
        }
        if (instrumentAlarms > 0) {
            return MarkerState.FAULT;
        }
        return points > 0 ? MarkerState.NORMAL : MarkerState.UNMONITORED;
    }

    private static MarkerState state(Row row, EnterpriseRisk risk) {
        return state(row.points(), row.processAlarms(), row.instrumentAlarms(), risk == null ? null : risk.level());
    }

    private Map<String, EnterpriseRisk> riskByUscc() {
        Map<String, EnterpriseRisk> byUscc = new HashMap<>();
        for (EnterpriseRisk r : risks.get()) {
            byUscc.put(r.enterpriseCode(), r);
        }
        return byUscc;
    }

    /** Every enterprise of the area with a standing major hazard source or monitoring points. */
    private List<Row> rows(Connection c, AnalysisArea.Area area, Instant now) throws SQLException {
        Map<String, List<Integer>> gradesByUscc = new HashMap<>();
        List<Object> sourceArgs = new ArrayList<>();
        String sourceArea = area.condition(sourceArgs);
        try (PreparedStatement s = c.prepareStatement("SELECT e.uscc, h.grade FROM hazard_source h JOIN enterprise e ON e.id = h.enterprise_id "
                + "WHERE h.major AND h.status <> 'DEREGISTERED' AND e.id IN (SELECT id FROM enterprise WHERE " + sourceArea + ")")) {
            Jdbc.bind(s, sourceArgs);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int grade = rs.getInt(2);
                    gradesByUscc.computeIfAbsent(rs.getString(1).strip(), k -> new ArrayList<>()).add(rs.wasNull() ? null : grade);
                }
            }
        }
        List<Object> args = new ArrayList<>();
        args.add(now);
        String condition = area.condition(args);
        String sql = "SELECT e.uscc, e.name, e.region_code, e.park_code, e.industry_code, e.industry_group, e.longitude, e.latitude, "
                + "COALESCE(mp.points, 0) AS points, COALESCE(al.process, 0) AS process, COALESCE(al.instrument, 0) AS instrument FROM enterprise e "
                + "LEFT JOIN (SELECT enterprise_code, COUNT(*) AS points FROM monitoring_point GROUP BY enterprise_code) mp ON mp.enterprise_code = e.uscc "
                + "LEFT JOIN (SELECT p.enterprise_code, SUM(CASE WHEN a.kind = 'FAULT' THEN 0 ELSE 1 END) AS process, "
                + "SUM(CASE WHEN a.kind = 'FAULT' THEN 1 ELSE 0 END) AS instrument FROM alarm a JOIN monitoring_point p ON p.id = a.point_id WHERE "
                + ACTIVE + " GROUP BY p.enterprise_code) al ON al.enterprise_code = e.uscc "
                + "WHERE e.id IN (SELECT id FROM enterprise WHERE " + condition + ")";
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String uscc = rs.getString("uscc").strip();
                    List<Integer> grades = gradesByUscc.getOrDefault(uscc, List.of());
                    int points = rs.getInt("points");
                    if (grades.isEmpty() && points == 0) {
                        continue;
                    }
                    rows.add(new Row(uscc, rs.getString("name"), rs.getString("region_code"), rs.getString("park_code"), rs.getString("industry_code"),
                            rs.getString("industry_group"), Jdbc.getNullableDouble(rs, "longitude"), Jdbc.getNullableDouble(rs, "latitude"), grades,
                            points, rs.getInt("process"), rs.getInt("instrument")));
                }
            }
        }
        return rows;
    }

    /** An industry group by name, or a GB/T 4754 code prefix. */
    private record IndustryFilter(IndustryGroup group, String codePrefix) {

        static IndustryFilter parse(String text) {
            if (text == null || text.isBlank()) {
                return new IndustryFilter(null, null);
            }
            String upper = text.strip().toUpperCase(Locale.ROOT);
            for (IndustryGroup g : IndustryGroup.values()) {
                if (g.name().equals(upper)) {
                    return new IndustryFilter(g, null);
                }
            }
            try {
                return new IndustryFilter(null, AnalysisArea.industry(upper));
            } catch (ValidationException e) {
                throw new ValidationException(List.of(new FieldError("industry", "INVALID",
                        "an industry group (" + java.util.Arrays.toString(IndustryGroup.values()) + ") or a GB/T 4754 code or its first digits")));
            }
        }

        boolean matches(Row row) {
            if (group != null) {
                return group.name().equals(row.industryGroup());
            }
            return codePrefix == null || row.industryCode() != null && row.industryCode().strip().startsWith(codePrefix);
        }
    }

    private static AreaRef ref(AnalysisArea.Area area) {
        return new AreaRef(area.code(), area.name(), area.kind().name());
    }

    // ------------------------------------------------------------------ the card

    @Override
    public Optional<Card> card(Caller caller, String uscc) {
        String code = uscc == null ? "" : uscc.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[0-9A-Z]{18}")) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            try {
                AnalysisArea.area(c, caller, code);
            } catch (SecurityException e) {
                if (!caller.has(org.hazardwatch.api.security.Permission.ANALYTICS_VIEW)) {
                    throw e;
                }
                return Optional.empty();
            }
            Instant now = clock.instant();
            List<Row> rows = rows(c, new AnalysisArea.Area(AnalysisArea.AreaKind.ENTERPRISE, code, code), now);
            EnterpriseRisk risk = riskByUscc().get(code);
            try (PreparedStatement s = c.prepareStatement("SELECT e.*, r.full_name AS region_name, pk.full_name AS park_name FROM enterprise e "
                    + "LEFT JOIN region r ON r.code = e.region_code LEFT JOIN region pk ON pk.code = e.park_code WHERE e.uscc = ?")) {
                s.setString(1, code);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Row row = rows.isEmpty() ? null : rows.get(0);
                    MarkerState state = row == null ? MarkerState.UNMONITORED : state(row, risk);
                    String industryCode = rs.getString("industry_code");
                    return Optional.of(new Card(code, rs.getString("name"), rs.getString("region_code"), rs.getString("region_name"),
                            rs.getString("park_code"), rs.getString("park_name"), industryCode,
                            industryCode == null ? null : industryNames.get(industryCode.strip()), rs.getString("industry_group"), rs.getString("address"),
                            Jdbc.getNullableDouble(rs, "longitude"), Jdbc.getNullableDouble(rs, "latitude"), rs.getString("contact_name"),
                            rs.getString("contact_phone"), state, risk == null ? null : risk.level().name(), risk == null ? null : risk.score(),
                            cardSources(c, code, risk), cardAlarms(c, code, now), alarmsSince(c, code, startOfToday()), accidents(c, code)));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading the enterprise card", e);
        }
    }

    private static List<CardHazardSource> cardSources(Connection c, String uscc, EnterpriseRisk risk) throws SQLException {
        Map<String, String> levels = new HashMap<>();
        if (risk != null) {
            for (HazardSourceWarning w : risk.hazardSources()) {
                levels.put(w.code(), w.level().name());
            }
        }
        List<CardHazardSource> sources = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT h.id, h.code, h.name, h.grade, h.status FROM hazard_source h "
                + "JOIN enterprise e ON e.id = h.enterprise_id WHERE e.uscc = ? AND h.major AND h.status <> 'DEREGISTERED' ORDER BY h.grade, h.code")) {
            s.setString(1, uscc);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int grade = rs.getInt("grade");
                    Integer g = rs.wasNull() ? null : grade;
                    sources.add(new CardHazardSource(rs.getLong("id"), rs.getString("code"), rs.getString("name"), g, rs.getString("status"),
                            levels.get(rs.getString("code"))));
                }
            }
        }
        sources.sort(Comparator.comparing(CardHazardSource::grade, Comparator.nullsLast(Comparator.naturalOrder())));
        return sources;
    }

    private static List<CardAlarm> cardAlarms(Connection c, String uscc, Instant now) throws SQLException {
        List<CardAlarm> alarms = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.point_id, p.name, p.point_type, a.kind, a.priority, a.trigger_value, p.unit, "
                + "a.raised_at FROM alarm a JOIN monitoring_point p ON p.id = a.point_id WHERE p.enterprise_code = ? AND " + ACTIVE
                + " ORDER BY a.raised_at DESC, a.id DESC")) {
            s.setString(1, uscc);
            Jdbc.setInstant(s, 2, now);
            s.setMaxRows(CARD_ALARMS);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    alarms.add(new CardAlarm(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getDouble(7), rs.getString(8), Jdbc.getInstant(rs, "raised_at")));
                }
            }
        }
        return alarms;
    }

    private static long alarmsSince(Connection c, String uscc, Instant since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM alarm a JOIN monitoring_point p ON p.id = a.point_id "
                + "WHERE p.enterprise_code = ? AND a.raised_at >= ?")) {
            s.setString(1, uscc);
            Jdbc.setInstant(s, 2, since);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long accidents(Connection c, String uscc) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM accident WHERE uscc = ? AND voided_at IS NULL")) {
            s.setString(1, uscc);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Instant startOfToday() {
        return LocalDate.ofInstant(clock.instant(), CHINA).atStartOfDay(CHINA).toInstant();
    }

    // ------------------------------------------------------------------ the wall screen

    @Override
    public Summary summary(Caller caller) {
        try (Connection c = dataSource.getConnection()) {
            AnalysisArea.Area area = AnalysisArea.area(c, caller, null);
            Instant now = clock.instant();
            List<Row> rows = rows(c, area, now);
            Map<String, EnterpriseRisk> riskByUscc = riskByUscc();
            Map<String, Row> rowByUscc = new HashMap<>();
            Map<String, Long> byGrade = noGrades();
            long sources = 0;
            long activeAlarms = 0;
            long points = 0;
            for (Row row : rows) {
                rowByUscc.put(row.uscc(), row);
                sources += row.hazardSources();
                activeAlarms += row.processAlarms();
                points += row.points();
                row.sourceGrades().stream().filter(Objects::nonNull).forEach(g -> byGrade.merge(String.valueOf(g), 1L, Long::sum));
            }
            Map<String, Long> byRiskLevel = new LinkedHashMap<>();
            for (RiskLevel level : RiskLevel.values()) {
                byRiskLevel.put(level.name(), 0L);
            }
            List<EnterpriseRisk> inArea = new ArrayList<>();
            for (EnterpriseRisk r : riskByUscc.values()) {
                if (rowByUscc.containsKey(r.enterpriseCode())) {
                    inArea.add(r);
                    byRiskLevel.merge(r.level().name(), 1L, Long::sum);
                }
            }
            inArea.sort(Comparator.comparingDouble(EnterpriseRisk::score).reversed().thenComparing(EnterpriseRisk::enterpriseCode));
            List<WorstEnterprise> worst = inArea.stream().limit(WORST).map(r -> new WorstEnterprise(r.enterpriseCode(), r.name(), r.regionCode(),
                    r.level().name(), r.score(), rowByUscc.get(r.enterpriseCode()).processAlarms())).toList();
            List<TrendPrediction> predicted = predictions.get();
            Set<String> areaPoints = predicted.isEmpty() ? Set.of() : pointIds(c, area);
            long predictedInArea = predicted.stream().filter(p -> areaPoints.contains(p.pointId())).count();
            List<HourSplit> hours = today(c, area, now);
            long todayProcess = hours.stream().mapToLong(HourSplit::process).sum();
            long todayInstrument = hours.stream().mapToLong(HourSplit::instrument).sum();
            HourSplit thisHour = hours.isEmpty() ? new HourSplit(0, 0, 0) : hours.get(hours.size() - 1);
            return new Summary(ref(area), now, rows.size(), new GradeCounts(sources, byGrade), new Split(todayProcess, todayInstrument),
                    new Split(thisHour.process(), thisHour.instrument()), activeAlarms, hours, new Warnings(predictedInArea, byRiskLevel), worst,
                    accidentsThisYear(c, area, now), new Monitoring(points, online(c, area, now)));
        } catch (SQLException e) {
            throw Jdbc.failure("reading the wall screen", e);
        }
    }

    /** The ids of the area's points (as predictions name them: qualified with the USCC above the enterprise level). */
    private static Set<String> pointIds(Connection c, AnalysisArea.Area area) throws SQLException {
        List<Object> args = new ArrayList<>();
        String points = pointsOf(area, args);
        Set<String> ids = new java.util.HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT p.id FROM monitoring_point p WHERE " + points)) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** The points of the area's enterprises, as a condition on {@code p}. */
    private static String pointsOf(AnalysisArea.Area area, List<Object> args) {
        return "p.enterprise_code IN (SELECT uscc FROM enterprise WHERE " + area.condition(args) + ")";
    }

    private static List<HourSplit> today(Connection c, AnalysisArea.Area area, Instant now) throws SQLException {
        ZonedDateTime local = now.atZone(CHINA);
        Instant midnight = local.toLocalDate().atStartOfDay(CHINA).toInstant();
        long[][] counts = new long[local.getHour() + 1][2];
        List<Object> args = new ArrayList<>();
        args.add(midnight);
        String points = pointsOf(area, args);
        try (PreparedStatement s = c.prepareStatement("SELECT a.raised_at, a.kind FROM alarm a JOIN monitoring_point p ON p.id = a.point_id "
                + "WHERE a.raised_at >= ? AND " + points)) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int hour = Jdbc.getInstant(rs, "raised_at").atZone(CHINA).getHour();
                    if (hour < counts.length) {
                        counts[hour]["FAULT".equals(rs.getString("kind")) ? 1 : 0]++;
                    }
                }
            }
        }
        List<HourSplit> hours = new ArrayList<>();
        for (int h = 0; h < counts.length; h++) {
            hours.add(new HourSplit(h, counts[h][0], counts[h][1]));
        }
        return hours;
    }

    private static AccidentTotals accidentsThisYear(Connection c, AnalysisArea.Area area, Instant now) throws SQLException {
        Instant newYear = LocalDate.ofInstant(now, CHINA).withDayOfYear(1).atStartOfDay(CHINA).toInstant();
        List<Object> args = new ArrayList<>();
        args.add(newYear);
        String condition = area.condition(args);
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(deaths), 0), COALESCE(SUM(injuries), 0) FROM accident "
                + "WHERE voided_at IS NULL AND occurred_at >= ? AND " + condition)) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new AccidentTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    private static long online(Connection c, AnalysisArea.Area area, Instant now) throws SQLException {
        List<Object> args = new ArrayList<>();
        args.add(now.minus(ONLINE));
        String points = pointsOf(area, args);
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM current_value v JOIN monitoring_point p ON p.id = v.point_id "
                + "WHERE v.quality = 'GOOD' AND v.sample_time >= ? AND " + points)) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
