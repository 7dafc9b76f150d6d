package org.hazardwatch.api.registry;

import java.util.List;

/** One page of a longer result. */
public record Page<T>(long total, int page, int size, List<T> items) {
}
