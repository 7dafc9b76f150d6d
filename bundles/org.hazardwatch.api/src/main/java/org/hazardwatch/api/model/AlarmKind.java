package org.hazardwatch.api.model;

/** Which limit an alarm is about. */
public enum AlarmKind {
    HIGH,
    LOW
}
