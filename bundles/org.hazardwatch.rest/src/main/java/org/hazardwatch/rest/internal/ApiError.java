package org.hazardwatch.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of every error answer: a message for people, never a stack trace, and for errors a client shows to users a
 * stable {@code code} it can translate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String message, String code) {

    public ApiError(int status, String message) {
        this(status, message, null);
    }
}
