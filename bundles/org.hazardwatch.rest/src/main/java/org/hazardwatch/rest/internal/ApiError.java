package org.hazardwatch.rest.internal;

/** Body of every error answer: a message for people, never a stack trace. */
public record ApiError(int status, String message) {
}
