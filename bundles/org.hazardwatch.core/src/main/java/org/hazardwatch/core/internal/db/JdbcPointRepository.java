package org.hazardwatch.core.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.store.PointRepository;

public class JdbcPointRepository implements PointRepository {

    private static final String COLUMNS = "id, name, point_type, unit, range_low, range_high, alarm_low, alarm_high, "
            + "area, enterprise_code, hazard_source_code, equipment_code";

    private final DataSource dataSource;

    public JdbcPointRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<MonitoringPoint> findAll() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM monitoring_point ORDER BY area, id");
                ResultSet rs = s.executeQuery()) {
            List<MonitoringPoint> points = new ArrayList<>();
            while (rs.next()) {
                points.add(map(rs));
            }
            return points;
        } catch (SQLException e) {
            throw Jdbc.failure("listing monitoring points", e);
        }
    }

    @Override
    public Optional<MonitoringPoint> findById(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM monitoring_point WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading monitoring point " + id, e);
        }
    }

    /** Points of one hazard source of an enterprise, by equipment and id. */
    public List<MonitoringPoint> findByHazardSource(String enterpriseCode, String hazardSourceCode) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM monitoring_point "
                        + "WHERE enterprise_code = ? AND hazard_source_code = ? ORDER BY equipment_code, id")) {
            s.setString(1, enterpriseCode);
            s.setString(2, hazardSourceCode);
            List<MonitoringPoint> points = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    points.add(map(rs));
                }
            }
            return points;
        } catch (SQLException e) {
            throw Jdbc.failure("listing the points of hazard source " + hazardSourceCode, e);
        }
    }

    @Override
    public void save(MonitoringPoint p) {
        try (Connection c = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement s = c.prepareStatement("UPDATE monitoring_point SET name = ?, point_type = ?, unit = ?, "
                    + "range_low = ?, range_high = ?, alarm_low = ?, alarm_high = ?, area = ?, enterprise_code = ?, "
                    + "hazard_source_code = ?, equipment_code = ?, updated_at = ? WHERE id = ?")) {
                bind(s, p, 1);
                Jdbc.setInstant(s, 12, Instant.now());
                s.setString(13, p.id());
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO monitoring_point (name, point_type, unit, "
                        + "range_low, range_high, alarm_low, alarm_high, area, enterprise_code, hazard_source_code, "
                        + "equipment_code, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bind(s, p, 1);
                    Jdbc.setInstant(s, 12, Instant.now());
                    s.setString(13, p.id());
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("saving monitoring point " + p.id(), e);
        }
    }

    private static void bind(PreparedStatement s, MonitoringPoint p, int first) throws SQLException {
        s.setString(first, p.name());
        s.setString(first + 1, p.type().name());
        s.setString(first + 2, p.unit());
        s.setDouble(first + 3, p.rangeLow());
        s.setDouble(first + 4, p.rangeHigh());
        Jdbc.setNullableDouble(s, first + 5, p.alarmLow());
        Jdbc.setNullableDouble(s, first + 6, p.alarmHigh());
        s.setString(first + 7, p.area());
        s.setString(first + 8, p.enterpriseCode());
        s.setString(first + 9, p.hazardSourceCode());
        s.setString(first + 10, p.equipmentCode());
    }

    private static MonitoringPoint map(ResultSet rs) throws SQLException {
        return new MonitoringPoint(rs.getString("id"), rs.getString("name"), PointType.valueOf(rs.getString("point_type")),
                rs.getString("unit"), rs.getDouble("range_low"), rs.getDouble("range_high"),
                Jdbc.getNullableDouble(rs, "alarm_low"), Jdbc.getNullableDouble(rs, "alarm_high"), rs.getString("area"),
                rs.getString("enterprise_code"), rs.getString("hazard_source_code"), rs.getString("equipment_code"));
    }
}
