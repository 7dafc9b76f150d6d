package org.hazardwatch.api.adapter;

/** Connection status of a protocol adapter instance. */
public enum AdapterStatus {
    /** Started, first connection attempt not finished yet. */
    STARTING,
    ONLINE,
    /** Connected but some mapped points fail. */
    DEGRADED,
    OFFLINE,
    STOPPED
}
