package org.hazardwatch.rest.internal;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.AccountService;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.api.security.Role;

/** Roles and the permission catalogue (G2). */
@Path("/roles")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.USER_ADMINISTER)
public class RolesResource extends ScopedResource {

    public record RoleInput(String name, String description, List<String> permissions) {
    }

    public record PermissionInfo(String code, Permission.Area area, Permission.Action action) {
    }

    private final AccountService accounts;

    public RolesResource(AccountService accounts, AccessControl access) {
        super(access);
        this.accounts = accounts;
    }

    @GET
    public List<Role> list() {
        return accounts.roles(caller());
    }

    @GET
    @Path("/permissions")
    public List<PermissionInfo> permissions() {
        return Arrays.stream(Permission.values()).map(p -> new PermissionInfo(p.code(), p.area(), p.action())).toList();
    }

    @GET
    @Path("/{id}")
    public Role get(@PathParam("id") long id) {
        return accounts.role(caller(), id).orElseThrow(() -> new NotFoundException("no role " + id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = "role.create", target = "role")
    public Response create(RoleInput input) {
        Role created = accounts.createRole(caller(), role(input));
        AuditTrail.target(request, Long.toString(created.id()));
        return Response.created(URI.create("roles/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = "role.update", target = "role")
    public Role update(@PathParam("id") long id, RoleInput input) {
        AuditTrail.before(request, get(id));
        return accounts.updateRole(caller(), id, role(input)).orElseThrow(() -> new NotFoundException("no role " + id));
    }

    @DELETE
    @Path("/{id}")
    @Audited(value = "role.delete", target = "role")
    public Response delete(@PathParam("id") long id) {
        AuditTrail.before(request, accounts.role(caller(), id).orElse(null));
        if (!accounts.deleteRole(caller(), id)) {
            throw new NotFoundException("no role " + id);
        }
        return Response.noContent().build();
    }

    private static Role role(RoleInput input) {
        if (input == null) {
            throw new IllegalArgumentException("a role is required");
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String code : input.permissions() == null ? List.<String>of() : input.permissions()) {
            permissions.add(Permission.ofCode(code).orElseThrow(() -> new ValidationException(
                    List.of(new FieldError("permissions", "UNKNOWN", "no permission " + code)))));
        }
        return new Role(null, null, input.name(), input.description(), permissions, 0);
    }
}
