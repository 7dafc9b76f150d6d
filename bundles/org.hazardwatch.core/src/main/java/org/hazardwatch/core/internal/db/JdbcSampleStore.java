package org.hazardwatch.core.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.hazardwatch.api.model.CurrentValue;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.QualityReason;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.store.SampleStore;
import org.hazardwatch.api.store.UnknownPointException;

public class JdbcSampleStore implements SampleStore {

    private final DataSource dataSource;

    public JdbcSampleStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void store(Collection<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                storeIn(c, samples, Instant.now());
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("storing " + samples.size() + " samples", e);
        }
    }

    /**
     * Stores samples within the caller's transaction on {@code c} (the exchange stores received samples together with
     * the message id that brought them).
     */
    public static void storeIn(Connection c, Collection<Sample> samples, Instant receivedAt) throws SQLException {
        requireKnownPoints(c, samples);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO sample (point_id, sample_time, sample_value, quality, received_at, quality_reason) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Sample sample : samples) {
                insert.setString(1, sample.pointId());
                Jdbc.setInstant(insert, 2, sample.timestamp());
                insert.setDouble(3, sample.value());
                insert.setString(4, sample.quality().name());
                Jdbc.setInstant(insert, 5, receivedAt);
                insert.setString(6, reason(sample));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        updateCurrentValues(c, latestPerPoint(samples));
    }

    /** One query for the whole batch: every point must be defined. */
    private static void requireKnownPoints(Connection c, Collection<Sample> samples) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        for (Sample sample : samples) {
            ids.add(sample.pointId());
        }
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Set<String> known = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM monitoring_point WHERE id IN (" + placeholders + ")")) {
            int i = 1;
            for (String id : ids) {
                s.setString(i++, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        }
        for (String id : ids) {
            if (!known.contains(id)) {
                throw new UnknownPointException(id);
            }
        }
    }

    private static Collection<Sample> latestPerPoint(Collection<Sample> samples) {
        Map<String, Sample> latest = new LinkedHashMap<>();
        for (Sample sample : samples) {
            latest.merge(sample.pointId(), sample,
                    (a, b) -> b.timestamp().isBefore(a.timestamp()) ? a : b);
        }
        return latest.values();
    }

    /** Advances the current value only when the sample is at least as new as the stored one; one batch per step. */
    private static void updateCurrentValues(Connection c, Collection<Sample> latest) throws SQLException {
        List<Sample> samples = new ArrayList<>(latest);
        int[] updated;
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE current_value SET sample_value = ?, quality = ?, sample_time = ?, quality_reason = ? "
                        + "WHERE point_id = ? AND sample_time <= ?")) {
            for (Sample sample : samples) {
                update.setDouble(1, sample.value());
                update.setString(2, sample.quality().name());
                Jdbc.setInstant(update, 3, sample.timestamp());
                update.setString(4, reason(sample));
                update.setString(5, sample.pointId());
                Jdbc.setInstant(update, 6, sample.timestamp());
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        List<Sample> notUpdated = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (updated[i] == 0) {
                notUpdated.add(samples.get(i));
            }
        }
        if (notUpdated.isEmpty()) {
            return;
        }
        // either the point has no current value yet, or the stored one is newer: insert only the former
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO current_value (point_id, sample_value, quality, sample_time, "
                + "quality_reason) SELECT ?, ?, ?, ?, ? FROM monitoring_point WHERE id = ? "
                + "AND NOT EXISTS (SELECT 1 FROM current_value WHERE point_id = ?)")) {
            for (Sample sample : notUpdated) {
                insert.setString(1, sample.pointId());
                insert.setDouble(2, sample.value());
                insert.setString(3, sample.quality().name());
                Jdbc.setInstant(insert, 4, sample.timestamp());
                insert.setString(5, reason(sample));
                insert.setString(6, sample.pointId());
                insert.setString(7, sample.pointId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public List<Sample> history(String pointId, Instant from, Instant to, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT sample_time, sample_value, quality, quality_reason FROM sample "
                        + "WHERE point_id = ? AND sample_time >= ? AND sample_time < ? ORDER BY sample_time LIMIT ?")) {
            s.setString(1, pointId);
            Jdbc.setInstant(s, 2, from);
            Jdbc.setInstant(s, 3, to);
            s.setInt(4, limit);
            try (ResultSet rs = s.executeQuery()) {
                List<Sample> samples = new ArrayList<>();
                while (rs.next()) {
                    String reason = rs.getString("quality_reason");
                    samples.add(new Sample(pointId, Jdbc.getInstant(rs, "sample_time"), rs.getDouble("sample_value"),
                            Quality.valueOf(rs.getString("quality")), reason == null ? null : QualityReason.valueOf(reason)));
                }
                return samples;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading history of " + pointId, e);
        }
    }

    @Override
    public Map<String, CurrentValue> currentValues() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT point_id, sample_value, quality, sample_time FROM current_value");
                ResultSet rs = s.executeQuery()) {
            Map<String, CurrentValue> values = new LinkedHashMap<>();
            while (rs.next()) {
                String id = rs.getString("point_id");
                values.put(id, new CurrentValue(id, rs.getDouble("sample_value"), Quality.valueOf(rs.getString("quality")),
                        Jdbc.getInstant(rs, "sample_time")));
            }
            return values;
        } catch (SQLException e) {
            throw Jdbc.failure("reading current values", e);
        }
    }

    private static String reason(Sample sample) {
        return sample.qualityReason() == null ? null : sample.qualityReason().name();
    }
}
