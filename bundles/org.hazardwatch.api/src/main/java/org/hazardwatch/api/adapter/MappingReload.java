package org.hazardwatch.api.adapter;

import java.util.List;

/**
 * Outcome of re-reading an adapter's point mapping.
 *
 * @param source where the mapping was read from (a file path)
 * @param points mapped points after the reload
 * @param errors rows that were rejected (with their line), the rest is in use
 */
public record MappingReload(String source, int points, List<String> errors) {

    public MappingReload {
        errors = List.copyOf(errors);
    }
}
