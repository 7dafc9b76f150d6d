package org.hazardwatch.api.health;

/**
 * A component that reports its health. Registered as an OSGi service; {@code /api/health} and
 * {@code hazardwatch:status} show every registered indicator. {@link #check()} must return quickly (no network
 * round trips longer than a second).
 */
public interface HealthIndicator {

    /** Component name as shown in the health report, e.g. {@code database} or {@code adapter:opcua-simulator}. */
    String componentName();

    Health check();

    /**
     * Whether HazardWatch cannot work without this component: a critical component that is down makes the whole
     * node DOWN, any other one makes it DEGRADED.
     */
    default boolean critical() {
        return false;
    }
}
