package org.hazardwatch.api.routes;

/**
 * One Camel route running on this node.
 *
 * @param context CamelContext name
 * @param id route id
 * @param status route status (Started, Stopped, ...)
 * @param source where the route comes from: a route file path, or the bundle for Java DSL routes
 * @param exchangesTotal exchanges completed or failed since start, -1 when not tracked
 * @param exchangesFailed failed exchanges, -1 when not tracked
 * @param exchangesInflight exchanges in progress, -1 when not tracked
 */
public record RouteInfo(String context, String id, String status, String source, long exchangesTotal,
        long exchangesFailed, long exchangesInflight) {
}
