package org.hazardwatch.api.alarm;

import java.time.Instant;

/**
 * One changed setting of an alarm definition: who changed what, when, from which value to which, and why.
 *
 * @param id database id
 * @param pointId the point
 * @param field the setting ({@code high}, {@code high.priority}, {@code deadband}, {@code delayOnSeconds}, ...)
 * @param oldValue the value before, or {@code null} when unset
 * @param newValue the value after, or {@code null} when unset
 * @param changedAt when
 * @param changedBy who
 * @param reason why, as given, or {@code null}
 */
public record DefinitionChange(long id, String pointId, String field, String oldValue, String newValue, Instant changedAt,
        String changedBy, String reason) {
}
