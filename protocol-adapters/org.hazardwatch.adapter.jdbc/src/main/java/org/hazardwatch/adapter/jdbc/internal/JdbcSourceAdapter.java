package org.hazardwatch.adapter.jdbc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.hazardwatch.api.adapter.AdapterStatus;
import org.hazardwatch.api.adapter.PointAddress;
import org.hazardwatch.api.adapter.ProtocolAdapter;
import org.hazardwatch.api.health.Health;
import org.hazardwatch.api.ingest.SampleSink;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads new rows of a table of another system after a watermark: {@code SELECT … WHERE watermark > ? ORDER BY
 * watermark}. The watermark (the largest value read) is saved to a file only after the ingest pipeline took the batch,
 * so a restart resumes where it stopped: nothing is missed, and a batch handed over just before a crash is read again
 * at most once, where the data-quality filter drops the exact duplicates. Only SELECT statements are ever sent: the
 * adapter cannot change the source system (requirement H5).
 */
public class JdbcSourceAdapter implements ProtocolAdapter {

    /** A JDBC connection to the source. */
    public interface Connector {
        Connection connect() throws SQLException;
    }

    public record Settings(String table, String watermarkColumn, String tagColumn, String valueColumn, String timeColumn,
            String qualityColumn, long pollIntervalMs, int batchSize) {

        /** Table and column names go into SQL, so only plain identifiers are accepted. */
        private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            check(problems, "table", table);
            check(problems, "watermark.column", watermarkColumn);
            check(problems, "tag.column", tagColumn);
            check(problems, "value.column", valueColumn);
            check(problems, "time.column", timeColumn);
            if (qualityColumn != null && !qualityColumn.isBlank()) {
                check(problems, "quality.column", qualityColumn);
            }
            if (pollIntervalMs < 100) {
                problems.add("poll.interval.ms must be at least 100");
            }
            if (batchSize < 1 || batchSize > 100_000) {
                problems.add("batch.size must be from 1 to 100000");
            }
            return problems;
        }

        private static void check(List<String> problems, String option, String identifier) {
            if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
                problems.add(option + " must be a plain SQL name (letters, digits, _; optionally schema.name), not '"
                        + identifier + "'");
            }
        }

        String query() {
            boolean quality = qualityColumn != null && !qualityColumn.isBlank();
            return "SELECT " + watermarkColumn + ", " + tagColumn + ", " + valueColumn + ", " + timeColumn
                    + (quality ? ", " + qualityColumn : "") + " FROM " + table + " WHERE " + watermarkColumn + " > ? ORDER BY "
                    + watermarkColumn + " LIMIT " + batchSize;
        }
    }

    private final Logger logger = LoggerFactory.getLogger(JdbcSourceAdapter.class);
    private final String name;
    private final Settings settings;
    private final Connector connector;
    private volatile Map<String, String> pointByTag;
    private final Path watermarkFile;
    private final SampleSink sink;
    private final List<String> configurationProblems;
    private final ScheduledExecutorService executor;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile long watermark;
    private volatile Instant lastSampleAt;
    private volatile AdapterStatus status = AdapterStatus.STOPPED;
    private volatile String detail = "not started";
    private Connection connection;

    public JdbcSourceAdapter(String name, Settings settings, Connector connector, Map<String, String> pointByTag,
            Path watermarkFile, SampleSink sink) {
        this.name = name;
        this.settings = settings;
        this.connector = connector;
        this.pointByTag = Map.copyOf(pointByTag);
        this.watermarkFile = watermarkFile;
        this.sink = sink;
        this.configurationProblems = settings.problems();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "hazardwatch-jdbc-" + name));
        this.watermark = readWatermark();
    }

    public void start() {
        if (!configurationProblems.isEmpty()) {
            setStatus(AdapterStatus.OFFLINE, "configuration invalid: " + String.join("; ", configurationProblems));
            return;
        }
        setStatus(AdapterStatus.STARTING, "polling " + settings.table() + " after " + settings.watermarkColumn() + " " + watermark);
        executor.scheduleWithFixedDelay(this::pollSafely, 0, settings.pollIntervalMs(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
        setStatus(AdapterStatus.STOPPED, "stopped");
    }

    /** Replaces the tag mapping; the next poll uses it. */
    public void replaceMapping(Map<String, String> newPointByTag) {
        pointByTag = Map.copyOf(newPointByTag);
    }

    private void pollSafely() {
        try {
            while (poll() == settings.batchSize()) {
                // a full batch: there may be more right away
            }
        } catch (SQLException e) {
            closeConnection();
            setStatus(AdapterStatus.OFFLINE, "reading " + settings.table() + " failed: " + e.getMessage() + "; retrying");
        } catch (RuntimeException e) {
            setStatus(AdapterStatus.DEGRADED, "ingest refused the rows: " + e.getMessage() + "; retrying");
        }
    }

    /** Reads one batch after the watermark, hands it over, then advances the watermark; returns the rows read. */
    int poll() throws SQLException {
        if (connection == null || !connection.isValid(2)) {
            closeConnection();
            connection = connector.connect();
            connection.setReadOnly(true);
        }
        List<Sample> samples = new ArrayList<>();
        long newWatermark = watermark;
        int rows = 0;
        long unmapped = 0;
        boolean qualityColumn = settings.qualityColumn() != null && !settings.qualityColumn().isBlank();
        try (PreparedStatement s = connection.prepareStatement(settings.query())) {
            s.setLong(1, watermark);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    newWatermark = Math.max(newWatermark, rs.getLong(1));
                    String pointId = pointByTag.get(rs.getString(2));
                    if (pointId == null) {
                        unmapped++;
                        continue;
                    }
                    double value = rs.getDouble(3);
                    Quality quality = rs.wasNull() ? Quality.BAD : Quality.GOOD;
                    Timestamp time = rs.getTimestamp(4);
                    if (qualityColumn) {
                        quality = worst(quality, qualityOf(rs.getString(5)));
                    }
                    samples.add(new Sample(pointId, time == null ? Instant.now() : time.toInstant(), value,
                            time == null ? Quality.BAD : quality));
                }
            }
        }
        if (!samples.isEmpty()) {
            sink.publish(samples); // throws when refused: the watermark stays and the rows are read again
            received.addAndGet(samples.size());
            lastSampleAt = Instant.now();
        }
        skipped.addAndGet(unmapped);
        if (newWatermark != watermark) {
            saveWatermark(newWatermark);
            watermark = newWatermark;
        }
        setStatus(AdapterStatus.ONLINE, "polling " + settings.table() + "; " + settings.watermarkColumn() + " at " + watermark
                + (skipped.get() > 0 ? "; " + skipped.get() + " rows of unmapped tags skipped" : ""));
        return rows;
    }

    static Quality qualityOf(String text) {
        if (text == null) {
            return Quality.BAD;
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "GOOD", "0", "192", "OK" -> Quality.GOOD; // 192: OPC classic "good"
            case "UNCERTAIN", "64" -> Quality.UNCERTAIN;
            default -> Quality.BAD;
        };
    }

    private static Quality worst(Quality a, Quality b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private long readWatermark() {
        try {
            return Files.exists(watermarkFile) ? Long.parseLong(Files.readString(watermarkFile, StandardCharsets.UTF_8).strip()) : 0;
        } catch (IOException | NumberFormatException e) {
            logger.warn("JDBC adapter {}: watermark file {} unreadable ({}); starting from the beginning", name, watermarkFile,
                    e.getMessage());
            return 0;
        }
    }

    /** Written to a temporary file and moved, so a crash never leaves half a watermark. */
    private void saveWatermark(long value) {
        try {
            Files.createDirectories(watermarkFile.toAbsolutePath().getParent());
            Path temporary = watermarkFile.resolveSibling(watermarkFile.getFileName() + ".tmp");
            Files.writeString(temporary, Long.toString(value), StandardCharsets.UTF_8);
            Files.move(temporary, watermarkFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the watermark to " + watermarkFile + ": " + e.getMessage(), e);
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is being dropped anyway
            }
            connection = null;
        }
    }

    private void setStatus(AdapterStatus newStatus, String newDetail) {
        if (newStatus != status) {
            logger.info("JDBC adapter {}: {} - {}", name, newStatus, newDetail);
        }
        status = newStatus;
        detail = newDetail;
    }

    long watermark() {
        return watermark;
    }

    @Override
    public String type() {
        return "jdbc";
    }

    @Override
    public String instanceName() {
        return name;
    }

    @Override
    public AdapterStatus status() {
        return status;
    }

    @Override
    public String statusDetail() {
        return detail;
    }

    @Override
    public int mappedPoints() {
        return pointByTag.size();
    }

    @Override
    public long samplesReceived() {
        return received.get();
    }

    @Override
    public Instant lastSampleAt() {
        return lastSampleAt;
    }

    @Override
    public List<PointAddress> mappings() {
        return pointByTag.entrySet().stream().map(e -> new PointAddress(e.getValue(), settings.table() + "." + e.getKey()))
                .sorted(Comparator.comparing(PointAddress::pointId)).toList();
    }

    @Override
    public String componentName() {
        return "adapter:jdbc-" + name;
    }

    @Override
    public Health check() {
        return new Health(status.health(), detail);
    }
}
