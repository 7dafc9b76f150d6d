package org.hazardwatch.api.routes;

import java.time.Instant;
import java.util.List;

/**
 * A route file in the watched routes folder.
 *
 * @param file file name
 * @param routeIds routes it defines (empty when it failed)
 * @param error why loading failed, or null
 * @param loadedAt when it was (re)loaded
 */
public record RouteFileStatus(String file, List<String> routeIds, String error, Instant loadedAt) {
}
