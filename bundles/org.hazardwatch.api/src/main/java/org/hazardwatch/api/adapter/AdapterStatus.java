package org.hazardwatch.api.adapter;

import org.hazardwatch.api.health.HealthStatus;

/** Connection status of a protocol adapter instance. */
public enum AdapterStatus {
    /** Started, first connection attempt not finished yet. */
    STARTING,
    ONLINE,
    /** Connected but some mapped points fail. */
    DEGRADED,
    OFFLINE,
    STOPPED;

    /** How this status counts in the node's health: online is up, starting or degraded is degraded, else down. */
    public HealthStatus health() {
        return switch (this) {
            case ONLINE -> HealthStatus.UP;
            case DEGRADED, STARTING -> HealthStatus.DEGRADED;
            default -> HealthStatus.DOWN;
        };
    }
}
