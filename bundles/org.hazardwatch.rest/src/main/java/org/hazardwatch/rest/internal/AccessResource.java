package org.hazardwatch.rest.internal;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.AccessGrant;
import org.hazardwatch.api.security.AccessGrantService;
import org.hazardwatch.api.security.DeclaredIncident;
import org.hazardwatch.api.security.Permission;

/** Authorised upper-level access to a county's live data, and declared incidents (C3). */
@Path("/access")
@Produces(MediaType.APPLICATION_JSON)
@Requires({Permission.ACCESS_REQUEST, Permission.ACCESS_APPROVE})
public class AccessResource extends ScopedResource {

    public record RequestInput(String regionCode, String reason, Integer hours) {
    }

    public record DecisionInput(Integer hours, String note) {
    }

    public record IncidentInput(String regionCode, String title) {
    }

    private final AccessGrantService grants;

    public AccessResource(AccessGrantService grants, AccessControl access) {
        super(access);
        this.grants = grants;
    }

    @GET
    @Path("/requests")
    public List<AccessGrant> requests(@QueryParam("status") String status) {
        return grants.list(caller(), status == null || status.isBlank() ? null : Params.enumValue("status", status, AccessGrant.Status.class));
    }

    @GET
    @Path("/requests/{id}")
    public AccessGrant request(@PathParam("id") long id) {
        return grants.get(caller(), id).orElseThrow(() -> new NotFoundException("no access request " + id));
    }

    @POST
    @Path("/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ACCESS_REQUEST)
    @Audited(value = "access.request", target = "access-grant")
    public Response create(RequestInput input) {
        if (input == null) {
            throw new IllegalArgumentException("a request is required");
        }
        AccessGrant created = grants.request(caller(), input.regionCode(), input.reason(), input.hours() == null ? 0 : input.hours());
        AuditTrail.target(request, Long.toString(created.id()));
        access.invalidate();
        return Response.created(URI.create("access/requests/" + created.id())).entity(created).build();
    }

    @POST
    @Path("/requests/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ACCESS_APPROVE)
    @Audited(value = "access.approve", target = "access-grant")
    public AccessGrant approve(@PathParam("id") long id, DecisionInput input) {
        return grants.decide(caller(), id, true, input == null ? null : input.hours(), input == null ? null : input.note());
    }

    @POST
    @Path("/requests/{id}/deny")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ACCESS_APPROVE)
    @Audited(value = "access.deny", target = "access-grant")
    public AccessGrant deny(@PathParam("id") long id, DecisionInput input) {
        return grants.decide(caller(), id, false, null, input == null ? null : input.note());
    }

    @POST
    @Path("/requests/{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = "access.revoke", target = "access-grant")
    public AccessGrant revoke(@PathParam("id") long id, DecisionInput input) {
        return grants.revoke(caller(), id, input == null ? null : input.note());
    }

    @GET
    @Path("/incidents")
    public List<DeclaredIncident> incidents(@QueryParam("open") String open) {
        return grants.incidents(caller(), "true".equalsIgnoreCase(open));
    }

    @POST
    @Path("/incidents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ACCESS_APPROVE)
    @Audited(value = "access.incident-declare", target = "incident")
    public Response declare(IncidentInput input) {
        if (input == null) {
            throw new IllegalArgumentException("an incident is required");
        }
        DeclaredIncident incident = grants.declare(caller(), input.regionCode(), input.title());
        AuditTrail.target(request, Long.toString(incident.id()));
        return Response.created(URI.create("access/incidents/" + incident.id())).entity(incident).build();
    }

    @POST
    @Path("/incidents/{id}/end")
    @Requires(Permission.ACCESS_APPROVE)
    @Audited(value = "access.incident-end", target = "incident")
    public DeclaredIncident end(@PathParam("id") long id) {
        return grants.end(caller(), id);
    }
}
