package org.hazardwatch.rest.internal;

import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.api.store.PointRepository;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.hazardwatch.api.warning.EarlyWarningService;
import org.hazardwatch.api.warning.EnterpriseRisk;
import org.hazardwatch.api.warning.RiskModel;
import org.hazardwatch.api.warning.TrendPrediction;

/** Early warning: trend predictions, risk levels per enterprise and hazard source with their reasons, the model. */
@Path("/early-warning")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.WARNING_VIEW)
public class EarlyWarningResource extends ScopedResource {

    private final EarlyWarningService warnings;
    private final PointRepository points;

    public EarlyWarningResource(EarlyWarningService warnings, PointRepository points, AccessControl access) {
        super(access);
        this.warnings = warnings;
        this.points = points;
    }

    @GET
    @Path("predictions")
    public List<TrendPrediction> predictions() {
        return warnings.predictions().stream()
                .filter(p -> points.findById(p.pointId()).map(point -> sees(point.enterpriseCode())).orElse(caller().scope().isAll()))
                .toList();
    }

    @GET
    @Path("risks")
    public List<EnterpriseRisk> risks() {
        return warnings.risks().stream().filter(r -> sees(r.enterpriseCode())).toList();
    }

    @GET
    @Path("risks/{enterprise}")
    public EnterpriseRisk risk(@PathParam("enterprise") String enterprise) {
        return warnings.risk(enterprise).filter(r -> sees(r.enterpriseCode())).orElseThrow(() -> new NotFoundException("no enterprise " + enterprise + " with monitoring points"));
    }

    @GET
    @Path("model")
    public RiskModel model() {
        return warnings.model();
    }
}
