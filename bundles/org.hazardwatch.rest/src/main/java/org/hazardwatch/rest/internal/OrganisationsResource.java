package org.hazardwatch.rest.internal;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Department;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Organisation;
import org.hazardwatch.api.security.OrganisationService;
import org.hazardwatch.api.security.Permission;

/** The organisation tree and departments (G1), within the caller's scope. */
@Path("/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.USER_ADMINISTER)
public class OrganisationsResource extends ScopedResource {

    public record OrganisationInput(Long parentId, String name, OrgLevel level, String regionCode, String enterpriseUscc) {
    }

    public record NameInput(String name) {
    }

    private final OrganisationService organisations;

    public OrganisationsResource(OrganisationService organisations, AccessControl access) {
        super(access);
        this.organisations = organisations;
    }

    /** Every logged-in user may see the organisations of their scope (names on screens, pickers). */
    @GET
    @Requires({})
    public List<Organisation> list() {
        return organisations.list(caller());
    }

    @GET
    @Path("/{id}")
    @Requires({})
    public Organisation get(@PathParam("id") long id) {
        return organisations.get(caller(), id).orElseThrow(() -> new NotFoundException("no organisation " + id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = "organisation.create", target = "organisation")
    public Response create(OrganisationInput input) {
        if (input == null) {
            throw new IllegalArgumentException("an organisation is required");
        }
        Organisation created = organisations.create(caller(), new Organisation(null, input.parentId(), input.name(), input.level(),
                input.regionCode(), null, input.enterpriseUscc(), null, null, null, 0, null));
        AuditTrail.target(request, Long.toString(created.id()));
        return Response.created(URI.create("organisations/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = "organisation.rename", target = "organisation")
    public Organisation rename(@PathParam("id") long id, NameInput input) {
        Organisation before = get(id);
        AuditTrail.before(request, before);
        return organisations.rename(caller(), id, input == null ? null : input.name())
                .orElseThrow(() -> new NotFoundException("no organisation " + id));
    }

    @DELETE
    @Path("/{id}")
    @Audited(value = "organisation.delete", target = "organisation")
    public Response delete(@PathParam("id") long id) {
        AuditTrail.before(request, organisations.get(caller(), id).orElse(null));
        if (!organisations.delete(caller(), id)) {
            throw new NotFoundException("no organisation " + id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/departments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = "department.create", target = "organisation")
    public Response addDepartment(@PathParam("id") long id, NameInput input) {
        Department created = organisations.addDepartment(caller(), id, input == null ? null : input.name());
        return Response.created(URI.create("organisations/" + id + "/departments/" + created.id())).entity(created).build();
    }

    @DELETE
    @Path("/{id}/departments/{departmentId}")
    @Audited(value = "department.delete", target = "organisation")
    public Response deleteDepartment(@PathParam("id") long id, @PathParam("departmentId") long departmentId) {
        AuditTrail.detail(request, "department " + departmentId);
        if (!organisations.deleteDepartment(caller(), id, departmentId)) {
            throw new NotFoundException("no department " + departmentId + " in organisation " + id);
        }
        return Response.noContent().build();
    }
}
