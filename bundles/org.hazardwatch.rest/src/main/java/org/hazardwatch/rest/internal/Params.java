package org.hazardwatch.rest.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import javax.ws.rs.BadRequestException;

/** Query parameter parsing with errors that say what was wrong. */
final class Params {

    private Params() {
    }

    static Instant instant(String name, String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-11-29T08:00:00Z, not '" + text + "'");
        }
    }

    static int limit(String text, int fallback, int max) {
        return number("limit", text, fallback, 1, max);
    }

    /** A whole number in [min, max], or the fallback when absent. */
    static int number(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number from " + min + " to " + max + ", not '" + text + "'");
        }
    }

    static <E extends Enum<E>> E enumValue(String name, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + ", not '" + text + "'");
        }
    }

    /**
     * Runs a state-changing call: an unknown object is 404 with {@code notFound}, a state that does not allow the
     * change 409 with the reason.
     */
    static <T> T changing(java.util.function.Supplier<T> call, String notFound) {
        try {
            return call.get();
        } catch (java.util.NoSuchElementException e) {
            throw new javax.ws.rs.NotFoundException(e.getMessage() == null ? notFound : e.getMessage());
        } catch (IllegalStateException e) {
            throw new javax.ws.rs.ClientErrorException(e.getMessage(), 409);
        }
    }
}
