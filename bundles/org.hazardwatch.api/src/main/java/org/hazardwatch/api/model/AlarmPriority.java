package org.hazardwatch.api.model;

public enum AlarmPriority {
    HIGH,
    MEDIUM,
    LOW
}
