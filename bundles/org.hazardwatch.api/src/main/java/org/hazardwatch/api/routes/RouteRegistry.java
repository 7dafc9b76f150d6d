package org.hazardwatch.api.routes;

import java.util.List;

/** Every Camel route on this node and the state of the hot-deployed route files. */
public interface RouteRegistry {

    List<RouteInfo> routes();

    List<RouteFileStatus> routeFiles();
}
