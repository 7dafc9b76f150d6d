package org.hazardwatch.api.danger;

import java.time.Instant;

/** A timeline entry: a step, or (action null, from = to) an attachment, a governance plan or its progress. */
public record DangerEvent(long id, DangerAction action, DangerStatus from, DangerStatus to, String actor, String note, Instant at) {
}
