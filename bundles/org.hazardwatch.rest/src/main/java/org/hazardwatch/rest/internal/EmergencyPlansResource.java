package org.hazardwatch.rest.internal;

import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;
import java.net.URI;
import java.util.List;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hazardwatch.api.disposal.DisposalService;
import org.hazardwatch.api.disposal.EmergencyPlan;

/** Emergency plans of enterprises and their hazard sources, which disposals act by. */
@Path("/emergency-plans")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.DISPOSAL_VIEW)
public class EmergencyPlansResource extends ScopedResource {

    private final DisposalService disposals;

    public EmergencyPlansResource(DisposalService disposals, AccessControl access) {
        super(access);
        this.disposals = disposals;
    }

    @GET
    public List<EmergencyPlan> plans(@QueryParam("enterprise") String enterprise, @QueryParam("hazardSource") String source) {
        return disposals.plans(enterprise == null || enterprise.isBlank() ? null : enterprise.strip(),
                source == null || source.isBlank() ? null : source.strip()).stream().filter(p -> sees(p.enterpriseCode())).toList();
    }

    @GET
    @Path("{id}")
    public EmergencyPlan plan(@PathParam("id") long id) {
        return disposals.plan(id).filter(p -> sees(p.enterpriseCode())).orElseThrow(() -> new NotFoundException("no emergency plan " + id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.PLAN_EDIT)
    @Audited(value = "plan.create", target = "emergency-plan")
    public Response createPlan(@Context HttpHeaders headers, EmergencyPlan plan) {
        if (plan == null) {
            throw new BadRequestException("the emergency plan is required");
        }
        requireOwnEnterprise(plan);
        EmergencyPlan saved = disposals.savePlan(withId(plan, null), user(headers));
        return Response.created(URI.create("emergency-plans/" + saved.id())).entity(saved).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.PLAN_EDIT)
    @Audited(value = "plan.update", target = "emergency-plan")
    public EmergencyPlan updatePlan(@Context HttpHeaders headers, @PathParam("id") long id, EmergencyPlan plan) {
        if (plan == null) {
            throw new BadRequestException("the emergency plan is required");
        }
        AuditTrail.before(request, plan(id));
        requireOwnEnterprise(plan);
        return Params.changing(() -> disposals.savePlan(withId(plan, id), user(headers)), "no emergency plan " + id);
    }

    @DELETE
    @Path("{id}")
    @Requires(Permission.PLAN_EDIT)
    @Audited(value = "plan.delete", target = "emergency-plan")
    public Response deletePlan(@PathParam("id") long id) {
        AuditTrail.before(request, plan(id));
        if (!Params.changing(() -> disposals.deletePlan(id), "no emergency plan " + id)) {
            throw new NotFoundException("no emergency plan " + id);
        }
        return Response.noContent().build();
    }

    private static EmergencyPlan withId(EmergencyPlan p, Long id) {
        return new EmergencyPlan(id, p.enterpriseCode(), p.hazardSourceCode(), p.title(), p.level(), p.steps(), p.documentRef(),
                null, null);
    }

    private String user(HttpHeaders headers) {
        return username();
    }

    /** A plan may only be written for an enterprise the caller sees (a blank one the validator refuses). */
    private void requireOwnEnterprise(EmergencyPlan plan) {
        if (plan.enterpriseCode() != null && !plan.enterpriseCode().isBlank() && !sees(plan.enterpriseCode().strip())) {
            throw new org.hazardwatch.api.registry.ValidationException(List.of(new org.hazardwatch.api.registry.FieldError(
                    "enterpriseCode", "OUTSIDE_SCOPE", "is not an enterprise of your scope")));
        }
    }
}
