package org.hazardwatch.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.hazardwatch.api.alarm.AlarmDefinitionService;
import org.hazardwatch.api.alarm.DefinitionChange;
import org.hazardwatch.api.alarm.StandardFinding;

/**
 * Across points: the change history of alarm settings, the GB/T 50493-2019 findings, the gas table. (A root resource
 * of its own: JAX-RS picks the root resource by its path before the method, so one class per path prefix.)
 */
@Path("/alarm-definitions")
@Produces(MediaType.APPLICATION_JSON)
public class AlarmDefinitionCatalogResource {

    private final AlarmDefinitionService definitions;

    public AlarmDefinitionCatalogResource(AlarmDefinitionService definitions) {
        this.definitions = definitions;
    }

    @GET
    @Path("changes")
    public List<DefinitionChange> changes(@QueryParam("pointId") String pointId, @QueryParam("limit") String limit) {
        return definitions.changes(pointId == null || pointId.isBlank() ? null : pointId.strip(),
                Params.limit(limit, 200, 10_000));
    }

    @GET
    @Path("findings")
    public List<StandardFinding> findings() {
        return definitions.checkAll();
    }

    @GET
    @Path("gases")
    public List<org.hazardwatch.api.alarm.ToxicGas> gases() {
        return definitions.gases();
    }
}
