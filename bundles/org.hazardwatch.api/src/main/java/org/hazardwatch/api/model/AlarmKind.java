package org.hazardwatch.api.model;

/** Which alarm of a point: one of its limits, its rate of change, or an instrument fault. Each is its own alarm. */
public enum AlarmKind {
    /** 低低报. */
    LOW_LOW,
    /** 低报. */
    LOW,
    /** 高报 (for gas detectors: the first-level alarm, 一级报警). */
    HIGH,
    /** 高高报 (for gas detectors: the second-level alarm, 二级报警). */
    HIGH_HIGH,
    /** The value changes faster than the configured rate (变化速率报警). */
    RATE_OF_CHANGE,
    /**
     * Instrument fault (仪表故障): the data-quality filter found the readings invalid (out of range, spikes, frozen, bad
     * source quality). Raised instead of process alarms, which invalid readings never raise.
     */
    FAULT;

    /** Instrument faults are counted apart from process alarms everywhere (KPIs, statistics). */
    public AlarmCategory category() {
        return this == FAULT ? AlarmCategory.INSTRUMENT : AlarmCategory.PROCESS;
    }

    /** Whether the alarm is about the value being above a limit. */
    public boolean isHigh() {
        return this == HIGH || this == HIGH_HIGH;
    }

    /** Whether the alarm is about the value being below a limit. */
    public boolean isLow() {
        return this == LOW || this == LOW_LOW;
    }
}
