package org.hazardwatch.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hazardwatch.api.health.HealthReport;
import org.hazardwatch.api.health.HealthService;
import org.hazardwatch.api.health.HealthStatus;

@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@Requires({})
public class HealthResource {

    private final HealthService health;

    public HealthResource(HealthService health) {
        this.health = health;
    }

    /** 200 when UP or DEGRADED, 503 when DOWN, so load balancers and scripts can probe it. */
    @GET
    public Response health() {
        HealthReport report = health.report();
        return Response.status(report.status() == HealthStatus.DOWN ? 503 : 200).entity(report).build();
    }
}
