package org.hazardwatch.api.alarm;

import java.util.Objects;

import org.hazardwatch.api.model.AlarmPriority;

/** One configured limit of an alarm definition and the priority of the alarm it raises. */
public record AlarmLimit(double value, AlarmPriority priority) {

    public AlarmLimit {
        Objects.requireNonNull(priority, "priority");
    }
}
