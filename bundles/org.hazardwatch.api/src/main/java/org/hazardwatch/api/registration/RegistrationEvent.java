package org.hazardwatch.api.registration;

import java.time.Instant;

/**
 * One entry of an application's timeline: a transition, or a document added or removed (then {@code action} is null
 * and {@code from == to}).
 */
public record RegistrationEvent(long id, RegistrationAction action, RegistrationStatus from, RegistrationStatus to, String actor,
        String note, Instant at) {
}
