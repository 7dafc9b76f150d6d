package org.hazardwatch.api.registry;

/** One rejected field: which, a stable code clients translate, and a message. */
public record FieldError(String field, String code, String message) {
}
