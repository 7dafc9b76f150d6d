package org.hazardwatch.core.internal.alarm;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.store.PointRepository;

/**
 * Point definitions for the alarm check, re-read from the repository at most every {@code maxAge}: the check runs
 * for every sample, definitions change rarely (catalogue reloads), so a change takes effect within {@code maxAge}.
 */
public final class PointCache implements Function<String, Optional<MonitoringPoint>> {

    private final PointRepository repository;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private Map<String, MonitoringPoint> points;
    private long loadedAt;

    public PointCache(PointRepository repository, Duration maxAge, LongSupplier nanoTime) {
        this.repository = repository;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized Optional<MonitoringPoint> apply(String pointId) {
        long now = nanoTime.getAsLong();
        if (points == null || now - loadedAt > maxAgeNanos) {
            Map<String, MonitoringPoint> loaded = new HashMap<>();
            repository.findAll().forEach(point -> loaded.put(point.id(), point));
            points = loaded;
            loadedAt = now;
        }
        return Optional.ofNullable(points.get(pointId));
    }
}
