package org.hazardwatch.core.internal.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.core.internal.TestDatabases;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.db.JdbcPointRepository;
import org.junit.jupiter.api.Test;

class PointCacheTest {

    static MonitoringPoint level(String id, double high) {
        return new MonitoringPoint(id, "液位", PointType.LEVEL, "m", 0, 12, null, high, "A", "E", null);
    }

    @Test
    void definitionsAreReReadOnlyAfterTheirMaximumAge() throws Exception {
        var dataSource = TestDatabases.h2();
        DatabaseMigrator.migrate(dataSource);
        JdbcPointRepository repository = new JdbcPointRepository(dataSource);
        repository.save(level("P1", 9.0));
        AtomicLong clock = new AtomicLong();
        PointCache cache = new PointCache(repository, Duration.ofSeconds(10), clock::get);
        assertEquals(9.0, cache.apply("P1").orElseThrow().alarmHigh());

        repository.save(level("P1", 10.0));
        repository.save(level("P2", 5.0));
        clock.addAndGet(Duration.ofSeconds(5).toNanos());
        assertEquals(9.0, cache.apply("P1").orElseThrow().alarmHigh(), "still the cached definition");
        assertTrue(cache.apply("P2").isEmpty());

        clock.addAndGet(Duration.ofSeconds(6).toNanos());
        assertEquals(10.0, cache.apply("P1").orElseThrow().alarmHigh(), "re-read after 10 s");
        assertEquals(5.0, cache.apply("P2").orElseThrow().alarmHigh());
    }
}
