package org.hazardwatch.core.internal.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.hazardwatch.api.accident.AccidentKind;
import org.hazardwatch.api.analytics.HazardAnalytics;
import org.hazardwatch.api.hazard.AccidentType;
import org.hazardwatch.api.hazard.DeathTollClass;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.core.internal.db.Jdbc;

/**
 * Hazard source analysis on the registry's history and the accident register. The state of every source at a moment
 * is its latest history row not after it; the counting is done here (a region has at most some tens of thousands of
 * sources), the selection by the database.
 */
public class JdbcHazardAnalytics implements HazardAnalytics {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int MAX_YEARS = 50;
    static final int FIRST_YEAR = 1949;

    /** A source's state at a moment. */
    record SourceState(String uscc, String code, Integer grade, String accidentTypes, Integer potentialDeaths, String regionCode, String parkCode,
            String enterpriseName) {
    }

    record AccidentRow(String uscc, String enterpriseName, String regionCode, AccidentKind kind, int deaths, int injuries, Instant occurredAt) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcHazardAnalytics(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }

    // ------------------------------------------------------------------ reading states and accidents

    /** Standing major hazard sources of the area as they were just before {@code at}. */
    List<SourceState> states(Connection c, AnalysisArea.Area area, Instant at, String industry) throws SQLException {
        List<Object> args = new ArrayList<>();
        args.add(at);
        String condition = area.condition(args);
        StringBuilder sql = new StringBuilder("SELECT uscc, code, grade, accident_types, potential_deaths, region_code, park_code, enterprise_name ")
                .append("FROM (SELECT h.*, ROW_NUMBER() OVER (PARTITION BY h.uscc, h.code ORDER BY h.valid_from DESC, h.id DESC) AS rn ")
                .append("FROM hazard_source_history h WHERE h.valid_from < ?) x WHERE rn = 1 AND standing AND ").append(condition);
        if (industry != null) {
            sql.append(" AND industry_code LIKE ?");
            args.add(industry + "%");
        }
        List<SourceState> states = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    states.add(new SourceState(rs.getString("uscc").strip(), rs.getString("code"),
                            rs.getObject("grade") == null ? null : rs.getInt("grade"), rs.getString("accident_types"),
                            rs.getObject("potential_deaths") == null ? null : rs.getInt("potential_deaths"), rs.getString("region_code"),
                            rs.getString("park_code"), rs.getString("enterprise_name")));
                }
            }
        }
        return states;
    }

    /** Accidents of the area in [from, to), voided ones left out. */
    List<AccidentRow> accidents(Connection c, AnalysisArea.Area area, Instant from, Instant to, String industry) throws SQLException {
        List<Object> args = new ArrayList<>();
        args.add(from);
        args.add(to);
        StringBuilder sql = new StringBuilder("SELECT uscc, enterprise_name, region_code, kind, deaths, injuries, occurred_at FROM accident ")
                .append("WHERE voided_at IS NULL AND occurred_at >= ? AND occurred_at < ? AND ").append(area.condition(args));
        if (industry != null) {
            sql.append(" AND industry_code LIKE ?");
            args.add(industry + "%");
        }
        List<AccidentRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            Jdbc.bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String uscc = rs.getString("uscc");
                    rows.add(new AccidentRow(uscc == null ? null : uscc.strip(), rs.getString("enterprise_name"), rs.getString("region_code"),
                            AccidentKind.valueOf(rs.getString("kind")), rs.getInt("deaths"), rs.getInt("injuries"),
                            Jdbc.getInstant(rs, "occurred_at")));
                }
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------ counting

    /** Counts of a set of sources and accidents, with every key present so charts keep their categories. */
    static final class Tally {
        long total;
        final Map<String, Long> byGrade = zeros(List.of("1", "2", "3", "4"));
        final Map<String, Long> byAccidentType = zeros(names(AccidentType.values()));
        final Map<String, Long> byDeathToll = zeros(deathTollKeys());
        long accidents;
        long deaths;
        long injuries;
        final Map<String, Long> accidentsByDeathToll = zeros(names(DeathTollClass.values()));
        final Map<String, Long> accidentsByKind = zeros(names(AccidentKind.values()));

        void add(SourceState s) {
            total++;
            if (s.grade() != null) {
                byGrade.merge(String.valueOf(s.grade()), 1L, Long::sum);
            }
            for (String type : s.accidentTypes().split(",")) {
                if (byAccidentType.containsKey(type.strip())) {
                    byAccidentType.merge(type.strip(), 1L, Long::sum);
                }
            }
            DeathTollClass toll = DeathTollClass.of(s.potentialDeaths());
            byDeathToll.merge(toll == null ? UNKNOWN : toll.name(), 1L, Long::sum);
        }

        void add(AccidentRow a) {
            accidents++;
            deaths += a.deaths();
            injuries += a.injuries();
            accidentsByDeathToll.merge(DeathTollClass.of(a.deaths()).name(), 1L, Long::sum);
            accidentsByKind.merge(a.kind().name(), 1L, Long::sum);
        }

        Cell cell(String code, String name) {
            return new Cell(code, name, total, byGrade, byAccidentType, byDeathToll, accidents, deaths, injuries);
        }

        private static List<String> deathTollKeys() {
            List<String> keys = new ArrayList<>(names(DeathTollClass.values()));
            keys.add(UNKNOWN);
            return keys;
        }

        private static List<String> names(Enum<?>[] values) {
            return java.util.Arrays.stream(values).map(Enum::name).toList();
        }

        private static Map<String, Long> zeros(List<String> keys) {
            Map<String, Long> map = new LinkedHashMap<>();
            keys.forEach(k -> map.put(k, 0L));
            return map;
        }
    }

    // ------------------------------------------------------------------ the analyses

    @Override
    public Overview overview(Caller caller, String regionCode, LocalDate asOf, String industryCode) {
        LocalDate day = asOf == null ? today() : asOf;
        if (day.isAfter(today())) {
            throw new ValidationException(List.of(new FieldError("asOf", "IN_FUTURE", "the registry of a day to come is not known")));
        }
        String industry = AnalysisArea.industry(industryCode);
        Instant end = day.plusDays(1).atStartOfDay(CHINA).toInstant();
        Instant yearStart = LocalDate.of(day.getYear(), 1, 1).atStartOfDay(CHINA).toInstant();
        try (Connection c = dataSource.getConnection()) {
            AnalysisArea.Area area = AnalysisArea.area(c, caller, regionCode);
            List<SourceState> states = states(c, area, end, industry);
            List<AccidentRow> accidents = accidents(c, area, yearStart, end, industry);
            Tally total = new Tally();
            Map<String, Tally> parts = new LinkedHashMap<>();
            Map<String, String> enterpriseNames = new HashMap<>();
            for (SourceState s : states) {
                total.add(s);
                String part = area.childOf(s.regionCode(), s.uscc(), s.enterpriseName());
                if (part != null) {
                    parts.computeIfAbsent(part, k -> new Tally()).add(s);
                    enterpriseNames.putIfAbsent(part, s.enterpriseName());
                }
            }
            for (AccidentRow a : accidents) {
                total.add(a);
                String part = area.childOf(a.regionCode(), a.uscc(), a.enterpriseName());
                if (part != null) {
                    parts.computeIfAbsent(part, k -> new Tally()).add(a);
                    enterpriseNames.putIfAbsent(part, a.enterpriseName());
                }
            }
            Map<String, String> names = AnalysisArea.childNames(c, area, new ArrayList<>(parts.keySet()));
            boolean enterprises = "ENTERPRISE".equals(area.childLevel());
            List<Cell> children = new ArrayList<>();
            parts.forEach((code, tally) -> children.add(tally.cell(code, enterprises ? enterpriseNames.get(code) : names.get(code))));
            children.sort(Comparator.comparingLong(Cell::total).reversed().thenComparing(Comparator.comparingLong(Cell::accidents).reversed())
                    .thenComparing(Cell::code));
            return new Overview(area.code(), area.name(), area.kind() == AnalysisArea.AreaKind.ENTERPRISE ? null : area.childLevel(), day,
                    total.cell(area.code(), area.name()), children);
        } catch (SQLException e) {
            throw Jdbc.failure("analysing hazard sources", e);
        }
    }

    @Override
    public List<YearRow> trend(Caller caller, String regionCode, int fromYear, int toYear, String industryCode) {
        LocalDate today = today();
        List<FieldError> errors = new ArrayList<>();
        if (fromYear < FIRST_YEAR || fromYear > today.getYear()) {
            errors.add(new FieldError("from", "OUT_OF_RANGE", FIRST_YEAR + " to " + today.getYear()));
        }
        if (toYear < fromYear || toYear > today.getYear()) {
            errors.add(new FieldError("to", "OUT_OF_RANGE", "from the first year to " + today.getYear()));
        } else if (toYear - fromYear + 1 > MAX_YEARS) {
            errors.add(new FieldError("to", "TOO_MANY_YEARS", "at most " + MAX_YEARS + " years"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String industry = AnalysisArea.industry(industryCode);
        try (Connection c = dataSource.getConnection()) {
            AnalysisArea.Area area = AnalysisArea.area(c, caller, regionCode);
            Instant first = LocalDate.of(fromYear, 1, 1).atStartOfDay(CHINA).toInstant();
            Instant last = LocalDate.of(toYear + 1, 1, 1).atStartOfDay(CHINA).toInstant();
            Map<Integer, List<AccidentRow>> accidentsByYear = new HashMap<>();
            Function<Instant, Integer> yearOf = t -> t.atZone(CHINA).getYear();
            for (AccidentRow a : accidents(c, area, first, last, industry)) {
                accidentsByYear.computeIfAbsent(yearOf.apply(a.occurredAt()), y -> new ArrayList<>()).add(a);
            }
            List<YearRow> rows = new ArrayList<>();
            for (int year = fromYear; year <= toYear; year++) {
                LocalDate asOf = year == today.getYear() ? today : LocalDate.of(year, 12, 31);
                Tally t = new Tally();
                states(c, area, asOf.plusDays(1).atStartOfDay(CHINA).toInstant(), industry).forEach(t::add);
                accidentsByYear.getOrDefault(year, List.of()).forEach(t::add);
                rows.add(new YearRow(year, asOf, t.total, t.byGrade, t.byAccidentType, t.byDeathToll, t.accidents, t.deaths, t.injuries,
                        t.accidentsByDeathToll, t.accidentsByKind));
            }
            return rows;
        } catch (SQLException e) {
            throw Jdbc.failure("analysing the hazard source trend", e);
        }
    }
}
