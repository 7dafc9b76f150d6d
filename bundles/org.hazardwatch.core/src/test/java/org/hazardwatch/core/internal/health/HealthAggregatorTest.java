package org.hazardwatch.core.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.hazardwatch.api.health.Health;
import org.hazardwatch.api.health.HealthIndicator;
import org.hazardwatch.api.health.HealthReport;
import org.hazardwatch.api.health.HealthStatus;
import org.junit.jupiter.api.Test;

class HealthAggregatorTest {

    static HealthIndicator indicator(String name, boolean critical, Health health) {
        return new HealthIndicator() {
            @Override
            public String componentName() {
                return name;
            }

            @Override
            public Health check() {
                if (health == null) {
                    throw new IllegalStateException("boom");
                }
                return health;
            }

            @Override
            public boolean critical() {
                return critical;
            }
        };
    }

    @Test
    void criticalDownIsDownOtherwiseDegraded() {
        assertEquals(HealthStatus.UP, HealthAggregator.aggregate(List.of(indicator("database", true, Health.up("ok")))).status());
        HealthReport degraded = HealthAggregator.aggregate(List.of(indicator("database", true, Health.up("ok")),
                indicator("adapter:x", false, Health.down("offline"))));
        assertEquals(HealthStatus.DEGRADED, degraded.status());
        assertEquals(List.of("adapter:x", "database"), List.copyOf(degraded.components().keySet()));
        HealthReport down = HealthAggregator.aggregate(List.of(indicator("broker", true, null)));
        assertEquals(HealthStatus.DOWN, down.status());
        assertEquals("health check failed: boom", down.components().get("broker").detail());
    }
}
