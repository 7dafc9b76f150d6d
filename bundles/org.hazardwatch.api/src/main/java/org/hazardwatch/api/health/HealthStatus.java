package org.hazardwatch.api.health;

public enum HealthStatus {
    UP,
    DEGRADED,
    DOWN
}
