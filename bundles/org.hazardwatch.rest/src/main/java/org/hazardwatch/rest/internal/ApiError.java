package org.hazardwatch.rest.internal;

import java.util.List;

import org.hazardwatch.api.registry.FieldError;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of every error answer: a message for people, never a stack trace, and for errors a client shows to users a
 * stable {@code code} it can translate, and for rejected input every rejected field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String message, String code, List<FieldError> fieldErrors) {

    public ApiError(int status, String message) {
        this(status, message, null, null);
    }

    public ApiError(int status, String message, String code) {
        this(status, message, code, null);
    }
}
