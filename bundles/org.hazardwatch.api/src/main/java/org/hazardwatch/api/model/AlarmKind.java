package org.hazardwatch.api.model;

/** Which limit an alarm is about, or an instrument fault. */
public enum AlarmKind {
    HIGH,
    LOW,
    /**
     * Instrument fault (仪表故障): the data-quality filter found the readings invalid (out of range, spikes, frozen, bad
     * source quality). Raised instead of process alarms, which invalid readings never raise.
     */
    FAULT
}
