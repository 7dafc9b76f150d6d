package org.hazardwatch.rest.internal;

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
public class EarlyWarningResource {

    private final EarlyWarningService warnings;

    public EarlyWarningResource(EarlyWarningService warnings) {
        this.warnings = warnings;
    }

    @GET
    @Path("predictions")
    public List<TrendPrediction> predictions() {
        return warnings.predictions();
    }

    @GET
    @Path("risks")
    public List<EnterpriseRisk> risks() {
        return warnings.risks();
    }

    @GET
    @Path("risks/{enterprise}")
    public EnterpriseRisk risk(@PathParam("enterprise") String enterprise) {
        return warnings.risk(enterprise).orElseThrow(() -> new NotFoundException("no enterprise " + enterprise + " with monitoring points"));
    }

    @GET
    @Path("model")
    public RiskModel model() {
        return warnings.model();
    }
}
