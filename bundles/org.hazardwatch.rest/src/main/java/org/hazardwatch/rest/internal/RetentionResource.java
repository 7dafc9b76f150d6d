package org.hazardwatch.rest.internal;

import org.hazardwatch.api.security.Permission;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.hazardwatch.api.retention.RetentionService;
import org.hazardwatch.api.retention.RetentionStatus;

/** Retention settings and state, and a run on demand. */
@Path("/retention")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.ADAPTER_ADMINISTER)
public class RetentionResource {

    private final RetentionService retention;

    public RetentionResource(RetentionService retention) {
        this.retention = retention;
    }

    @GET
    public RetentionStatus status() {
        return retention.status();
    }

    @POST
    @Path("run")
    @Audited(value = "retention.run", target = "retention")
    public Map<String, String> run() {
        return Map.of("result", retention.runNow());
    }
}
