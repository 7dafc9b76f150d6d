package org.hazardwatch.api.health;

/** Aggregates every registered {@link HealthIndicator}. */
public interface HealthService {

    HealthReport report();
}
