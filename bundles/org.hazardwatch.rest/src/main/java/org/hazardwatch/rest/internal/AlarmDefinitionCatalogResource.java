package org.hazardwatch.rest.internal;

import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.api.store.PointRepository;
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
@Requires(Permission.ALARM_VIEW)
public class AlarmDefinitionCatalogResource extends ScopedResource {

    private final AlarmDefinitionService definitions;

    private final PointRepository points;

    public AlarmDefinitionCatalogResource(AlarmDefinitionService definitions, PointRepository points, AccessControl access) {
        super(access);
        this.points = points;
        this.definitions = definitions;
    }

    @GET
    @Path("changes")
    public List<DefinitionChange> changes(@QueryParam("pointId") String pointId, @QueryParam("limit") String limit) {
        int wanted = Params.limit(limit, 200, 10_000);
        if (caller().scope().isAll()) {
            return definitions.changes(pointId == null || pointId.isBlank() ? null : pointId.strip(), wanted);
        }
        // other regions' changes are read and dropped: the journal is per point, not per region
        return definitions.changes(pointId == null || pointId.isBlank() ? null : pointId.strip(), 10_000).stream()
                .filter(c -> visiblePoint(c.pointId())).limit(wanted).toList();
    }

    private boolean visiblePoint(String pointId) {
        return points.findById(pointId).map(p -> sees(p.enterpriseCode())).orElse(caller().scope().isAll());
    }

    @GET
    @Path("findings")
    public List<StandardFinding> findings() {
        return definitions.checkAll().stream().filter(f -> visiblePoint(f.pointId())).toList();
    }

    @GET
    @Path("gases")
    public List<org.hazardwatch.api.alarm.ToxicGas> gases() {
        return definitions.gases();
    }
}
