package org.hazardwatch.api.health;

import java.util.Map;

/** Overall status and the health of every component, keyed by component name in name order. */
public record HealthReport(HealthStatus status, Map<String, Health> components) {
}
