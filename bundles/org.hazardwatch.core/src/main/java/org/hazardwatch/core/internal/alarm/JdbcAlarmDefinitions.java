package org.hazardwatch.core.internal.alarm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.hazardwatch.api.alarm.AlarmDefinition;
import org.hazardwatch.api.alarm.AlarmDefinitionService;
import org.hazardwatch.api.alarm.AlarmLimit;
import org.hazardwatch.api.alarm.AlarmMode;
import org.hazardwatch.api.alarm.DefinitionChange;
import org.hazardwatch.api.alarm.StandardFinding;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.store.PointRepository;
import org.hazardwatch.core.internal.db.Jdbc;

/**
 * Alarm definitions in the {@code alarm_definition} table, each change of a setting in {@code alarm_definition_change}
 * (same transaction). Stored definitions are cached for the alarm engine, which needs one per sample: the cache is
 * refreshed on every save here and at least every {@code maxAge}, so a change saved by another node sharing the
 * database (failover pair) takes effect within it.
 */
public class JdbcAlarmDefinitions implements AlarmDefinitionService, Function<MonitoringPoint, AlarmDefinition> {

    static final Duration MAX_DELAY = Duration.ofHours(1);
    static final double MAX_DEADBAND_SHARE = 0.25;

    private static final String COLUMNS = "point_id, low_low_limit, low_low_priority, low_limit, low_priority, high_limit, "
            + "high_priority, high_high_limit, high_high_priority, rate_limit, rate_priority, rate_window_s, deadband, "
            + "delay_on_s, delay_off_s, alarm_mode, mode_reason, substance, updated_at, updated_by";

    private final DataSource dataSource;
    private final PointRepository points;
    private final Gbt50493 standard;
    private final Clock clock;
    private final long maxAgeNanos;
    private volatile Consumer<String> changeListener = pointId -> { };
    private Map<String, AlarmDefinition> cache;
    private long loadedAt;

    public JdbcAlarmDefinitions(DataSource dataSource, PointRepository points, Gbt50493 standard, Clock clock,
            Duration maxAge) {
        this.dataSource = dataSource;
        this.points = points;
        this.standard = standard;
        this.clock = clock;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** Told the point id after each save or reset (the engine applies mode changes at once). */
    public void onChange(Consumer<String> listener) {
        this.changeListener = Objects.requireNonNull(listener);
    }

    @Override
    public AlarmDefinition apply(MonitoringPoint point) {
        AlarmDefinition stored = stored().get(point.id());
        return stored != null ? stored : AlarmDefaults.of(point);
    }

    @Override
    public Optional<AlarmDefinition> definition(String pointId) {
        return points.findById(pointId).map(this);
    }

    private synchronized Map<String, AlarmDefinition> stored() {
        long now = System.nanoTime();
        if (cache == null || now - loadedAt > maxAgeNanos) {
            Map<String, AlarmDefinition> loaded = new HashMap<>();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM alarm_definition")) {
                while (rs.next()) {
                    AlarmDefinition definition = map(rs);
                    loaded.put(definition.pointId(), definition);
                }
            } catch (SQLException e) {
                throw Jdbc.failure("reading alarm definitions", e);
            }
            cache = loaded;
            loadedAt = now;
        }
        return cache;
    }

    private synchronized void invalidate() {
        cache = null;
    }

    @Override
    public List<StandardFinding> save(AlarmDefinition definition, String user, String reason) {
        MonitoringPoint point = points.findById(definition.pointId())
                .orElseThrow(() -> new NoSuchElementException("no monitoring point " + definition.pointId()));
        validate(point, definition);
        AlarmDefinition before = apply(point);
        Instant now = clock.instant();
        AlarmDefinition after = definition.withAudit(now, user);
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                deleteDefinition(c, point.id());
                try (PreparedStatement s = c.prepareStatement("INSERT INTO alarm_definition (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bind(s, after);
                    s.executeUpdate();
                }
                writeChanges(c, point.id(), settings(before), settings(after), now, user, reason);
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("saving the alarm definition of " + point.id(), e);
        }
        invalidate();
        changeListener.accept(point.id());
        return standard.check(point, after);
    }

    @Override
    public void reset(String pointId, String user, String reason) {
        MonitoringPoint point = points.findById(pointId).orElseThrow(() -> new NoSuchElementException("no monitoring point " + pointId));
        AlarmDefinition before = apply(point);
        if (before.isDefault()) {
            return;
        }
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                deleteDefinition(c, pointId);
                writeChanges(c, pointId, settings(before), settings(AlarmDefaults.of(point)), now, user,
                        reason == null || reason.isBlank() ? "reset to the default" : reason);
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("resetting the alarm definition of " + pointId, e);
        }
        invalidate();
        changeListener.accept(pointId);
    }

    private static void deleteDefinition(Connection c, String pointId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM alarm_definition WHERE point_id = ?")) {
            s.setString(1, pointId);
            s.executeUpdate();
        }
    }

    @Override
    public List<DefinitionChange> changes(String pointId, int limit) {
        String sql = "SELECT id, point_id, setting, old_value, new_value, changed_at, changed_by, reason "
                + "FROM alarm_definition_change" + (pointId == null ? "" : " WHERE point_id = ?")
                + " ORDER BY changed_at DESC, id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (pointId != null) {
                s.setString(i++, pointId);
            }
            s.setInt(i, limit);
            List<DefinitionChange> changes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    changes.add(new DefinitionChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Jdbc.getInstant(rs, "changed_at"), rs.getString(7), rs.getString(8)));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw Jdbc.failure("reading alarm definition changes", e);
        }
    }

    @Override
    public List<StandardFinding> check(AlarmDefinition definition) {
        return points.findById(definition.pointId()).map(point -> standard.check(point, definition)).orElse(List.of());
    }

    @Override
    public List<StandardFinding> checkAll() {
        List<StandardFinding> findings = new ArrayList<>();
        for (MonitoringPoint point : points.findAll()) {
            findings.addAll(standard.check(point, apply(point)));
        }
        return findings;
    }

    @Override
    public List<org.hazardwatch.api.alarm.ToxicGas> gases() {
        return List.copyOf(standard.gases());
    }

    /** Refuses settings that cannot work, naming each field. */
    void validate(MonitoringPoint point, AlarmDefinition d) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, AlarmLimit> ordered = new LinkedHashMap<>();
        ordered.put("lowLow", d.lowLow());
        ordered.put("low", d.low());
        ordered.put("high", d.high());
        ordered.put("highHigh", d.highHigh());
        String previousName = null;
        Double previous = null;
        for (Map.Entry<String, AlarmLimit> entry : ordered.entrySet()) {
            AlarmLimit limit = entry.getValue();
            if (limit == null) {
                continue;
            }
            if (!Double.isFinite(limit.value())) {
                errors.add(new FieldError(entry.getKey(), "NOT_FINITE", "must be a finite number"));
                continue;
            }
            if (limit.value() < point.rangeLow() || limit.value() > point.rangeHigh()) {
                errors.add(new FieldError(entry.getKey(), "OUT_OF_RANGE", "must lie within the measuring range "
                        + point.rangeLow() + " .. " + point.rangeHigh() + " " + point.unit()
                        + " (a limit outside it can never be reached)"));
            }
            if (previous != null && !(limit.value() > previous)) {
                errors.add(new FieldError(entry.getKey(), "ORDER", "must be above " + previousName + " (" + previous + ")"));
            }
            previous = limit.value();
            previousName = entry.getKey();
        }
        if (d.rateOfChange() != null && !(d.rateOfChange().value() > 0 && Double.isFinite(d.rateOfChange().value()))) {
            errors.add(new FieldError("rateOfChange", "NOT_POSITIVE", "must be a positive change per minute"));
        }
        if (d.rateWindow().compareTo(Duration.ofSeconds(1)) < 0 || d.rateWindow().compareTo(MAX_DELAY) > 0) {
            errors.add(new FieldError("rateWindowSeconds", "OUT_OF_RANGE", "must be 1 to 3600 seconds"));
        }
        double span = point.rangeHigh() - point.rangeLow();
        if (!(d.deadband() >= 0) || d.deadband() > MAX_DEADBAND_SHARE * span) {
            errors.add(new FieldError("deadband", "OUT_OF_RANGE", "must be 0 to " + MAX_DEADBAND_SHARE * span + " "
                    + point.unit() + " (a quarter of the span)"));
        }
        for (Map.Entry<String, Duration> delay : Map.of("delayOnSeconds", d.delayOn(), "delayOffSeconds", d.delayOff()).entrySet()) {
            if (delay.getValue().isNegative() || delay.getValue().compareTo(MAX_DELAY) > 0) {
                errors.add(new FieldError(delay.getKey(), "OUT_OF_RANGE", "must be 0 to 3600 seconds"));
            }
        }
        if (d.mode() != AlarmMode.IN_SERVICE && (d.modeReason() == null || d.modeReason().isBlank())) {
            errors.add(new FieldError("modeReason", "REQUIRED", "say why the alarms are " + d.mode()));
        }
        if (d.modeReason() != null && d.modeReason().length() > 500) {
            errors.add(new FieldError("modeReason", "TOO_LONG", "at most 500 characters"));
        }
        if (d.substance() != null && standard.gas(d.substance()).isEmpty()) {
            errors.add(new FieldError("substance", "UNKNOWN", "unknown gas '" + d.substance()
                    + "': give the CAS number of one of the gases of the GB/T 50493 table (GET /api/alarm-definitions/gases)"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Each setting as text, in a fixed order, for the change log. */
    static Map<String, String> settings(AlarmDefinition d) {
        Map<String, String> settings = new LinkedHashMap<>();
        limit(settings, "lowLow", d.lowLow());
        limit(settings, "low", d.low());
        limit(settings, "high", d.high());
        limit(settings, "highHigh", d.highHigh());
        limit(settings, "rateOfChange", d.rateOfChange());
        settings.put("rateWindowSeconds", Long.toString(d.rateWindow().toSeconds()));
        settings.put("deadband", number(d.deadband()));
        settings.put("delayOnSeconds", Long.toString(d.delayOn().toSeconds()));
        settings.put("delayOffSeconds", Long.toString(d.delayOff().toSeconds()));
        settings.put("mode", d.mode().name());
        settings.put("modeReason", d.modeReason());
        settings.put("substance", d.substance());
        return settings;
    }

    private static void limit(Map<String, String> settings, String name, AlarmLimit limit) {
        settings.put(name, limit == null ? null : number(limit.value()));
        settings.put(name + ".priority", limit == null ? null : limit.priority().name());
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static void writeChanges(Connection c, String pointId, Map<String, String> before, Map<String, String> after,
            Instant at, String user, String reason) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alarm_definition_change (point_id, setting, old_value, "
                + "new_value, changed_at, changed_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, String> setting : after.entrySet()) {
                String old = before.get(setting.getKey());
                if (!Objects.equals(old, setting.getValue())) {
                    s.setString(1, pointId);
                    s.setString(2, setting.getKey());
                    s.setString(3, truncate(old));
                    s.setString(4, truncate(setting.getValue()));
                    Jdbc.setInstant(s, 5, at);
                    s.setString(6, user);
                    s.setString(7, reason == null || reason.isBlank() ? null : truncate500(reason.strip()));
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 64 ? value : value.substring(0, 61) + "...";
    }

    private static String truncate500(String value) {
        return value.length() <= 500 ? value : value.substring(0, 497) + "...";
    }

    private static void bind(PreparedStatement s, AlarmDefinition d) throws SQLException {
        s.setString(1, d.pointId());
        int i = 2;
        for (AlarmLimit limit : new AlarmLimit[] { d.lowLow(), d.low(), d.high(), d.highHigh(), d.rateOfChange() }) {
            Jdbc.setNullableDouble(s, i++, limit == null ? null : limit.value());
            s.setString(i++, limit == null ? null : limit.priority().name());
        }
        s.setInt(12, (int) d.rateWindow().toSeconds());
        s.setDouble(13, d.deadband());
        s.setInt(14, (int) d.delayOn().toSeconds());
        s.setInt(15, (int) d.delayOff().toSeconds());
        s.setString(16, d.mode().name());
        s.setString(17, d.modeReason());
        s.setString(18, d.substance());
        Jdbc.setInstant(s, 19, d.updatedAt());
        s.setString(20, d.updatedBy());
    }

    private static AlarmDefinition map(ResultSet rs) throws SQLException {
        return new AlarmDefinition(rs.getString("point_id"), limit(rs, "low_low"), limit(rs, "low"), limit(rs, "high"),
                limit(rs, "high_high"), limit(rs, "rate"), Duration.ofSeconds(rs.getInt("rate_window_s")),
                rs.getDouble("deadband"), Duration.ofSeconds(rs.getInt("delay_on_s")),
                Duration.ofSeconds(rs.getInt("delay_off_s")), AlarmMode.valueOf(rs.getString("alarm_mode")),
                rs.getString("mode_reason"), rs.getString("substance"), Jdbc.getInstant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    private static AlarmLimit limit(ResultSet rs, String prefix) throws SQLException {
        Double value = Jdbc.getNullableDouble(rs, prefix + "_limit");
        return value == null ? null : new AlarmLimit(value, AlarmPriority.valueOf(rs.getString(prefix + "_priority")));
    }
}
