package org.hazardwatch.core.internal.health;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.hazardwatch.api.health.Health;
import org.hazardwatch.api.health.HealthIndicator;
import org.hazardwatch.api.health.HealthReport;
import org.hazardwatch.api.health.HealthStatus;

/** Combines component health: any critical component down makes the node DOWN, any other problem DEGRADED. */
public final class HealthAggregator {

    private HealthAggregator() {
    }

    public static HealthReport aggregate(Collection<HealthIndicator> indicators) {
        Map<String, Health> components = new TreeMap<>();
        HealthStatus overall = HealthStatus.UP;
        for (HealthIndicator indicator : indicators) {
            Health health;
            try {
                health = indicator.check();
            } catch (RuntimeException e) {
                health = Health.down("health check failed: " + e.getMessage());
            }
            components.put(indicator.componentName(), health);
            if (health.status() == HealthStatus.DOWN && indicator.critical()) {
                overall = HealthStatus.DOWN;
            } else if (health.status() != HealthStatus.UP && overall == HealthStatus.UP) {
                overall = HealthStatus.DEGRADED;
            }
        }
        return new HealthReport(overall, components);
    }
}
