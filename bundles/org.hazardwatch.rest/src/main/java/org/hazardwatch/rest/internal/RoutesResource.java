package org.hazardwatch.rest.internal;

import org.hazardwatch.api.security.Permission;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.MediaType;

import org.hazardwatch.api.routes.RouteFileStatus;
import org.hazardwatch.api.routes.RouteInfo;
import org.hazardwatch.api.routes.RouteRegistry;

@Path("/routes")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.ADAPTER_ADMINISTER)
public class RoutesResource {

    public record Routes(List<RouteInfo> routes, List<RouteFileStatus> files) {
    }

    private final java.util.function.Supplier<RouteRegistry> registry;

    public RoutesResource(java.util.function.Supplier<RouteRegistry> registry) {
        this.registry = registry;
    }

    @GET
    public Routes routes() {
        RouteRegistry current = registry.get();
        if (current == null) {
            throw new ServiceUnavailableException("the routes feature is not installed");
        }
        return new Routes(current.routes(), current.routeFiles());
    }
}
