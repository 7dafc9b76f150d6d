package org.hazardwatch.api.model;

/** Process alarms (limits, rate) tell the operator about the plant; instrument faults about the measurement. */
public enum AlarmCategory {
    PROCESS,
    INSTRUMENT
}
