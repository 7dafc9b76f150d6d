package org.hazardwatch.rest.internal;

import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.Permission;
import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.Industry;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.registry.Region;
import org.hazardwatch.api.registry.RegionLevel;
import org.hazardwatch.api.registry.RegionSummary;
import org.hazardwatch.api.registry.RegistryService;

/** Regions and enterprises (requirements G1, A3); region subtrees by code prefix. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.REGISTRY_VIEW)
public class RegistryResource extends ScopedResource {

    public record PathElement(String code, String name) {
    }

    public record RegionDetail(String code, String name, RegionLevel level, String parentCode, String fullName,
            List<PathElement> path) {
    }

    private final RegistryService registry;

    public RegistryResource(RegistryService registry, AccessControl access) {
        super(access);
        this.registry = registry;
    }

    /**
     * Whether a region shows at all: inside the scope, or on the path down to it. Rows on the path show only the
     * counts of the part the caller sees, so other counties' numbers do not leak through a province's total.
     */
    private boolean onPath(String code) {
        DataScope scope = caller().scope();
        return scope.isAll() || scope.coversRegion(code) || scope.kind() != DataScope.Kind.ENTERPRISE && scope.code().startsWith(code)
                || scope.kind() == DataScope.Kind.ENTERPRISE && ownCounty().map(county -> county.startsWith(code)).orElse(false);
    }

    private java.util.Optional<String> ownCounty() {
        DataScope scope = caller().scope();
        return registry.enterprises(scope, null, null, 0, 1).items().stream().findFirst().map(Enterprise::regionCode);
    }

    private RegionSummary visibleCounts(RegionSummary row) {
        DataScope scope = caller().scope();
        if (scope.isAll() || scope.coversRegion(row.code())) {
            return row;
        }
        if (scope.kind() == DataScope.Kind.ENTERPRISE) {
            return new RegionSummary(row.code(), row.name(), row.level(), row.parentCode(), 1, 0, 0, row.hasChildren());
        }
        String parent = registry.region(scope.code()).map(Region::parentCode).orElse(null);
        return registry.children(parent).stream().filter(r -> r.code().equals(scope.code())).findFirst()
                .map(own -> new RegionSummary(row.code(), row.name(), row.level(), row.parentCode(), own.enterpriseCount(),
                        own.hazardSourceCount(), own.majorHazardSourceCount(), row.hasChildren()))
                .orElse(new RegionSummary(row.code(), row.name(), row.level(), row.parentCode(), 0, 0, 0, row.hasChildren()));
    }

    @GET
    @Path("regions")
    public List<RegionSummary> regions(@QueryParam("parent") String parent) {
        String code = parent == null || parent.isBlank() ? null : parent.strip();
        if (code != null && (registry.region(code).isEmpty() || !onPath(code))) {
            throw new NotFoundException("no region '" + code + "'");
        }
        return registry.children(code).stream().filter(r -> onPath(r.code())).map(this::visibleCounts).toList();
    }

    @GET
    @Path("regions/{code}")
    public RegionDetail region(@PathParam("code") String code) {
        Region region = registry.region(code).filter(r -> onPath(r.code()))
                .orElseThrow(() -> new NotFoundException("no region '" + code + "'"));
        return new RegionDetail(region.code(), region.name(), region.level(), region.parentCode(), region.fullName(),
                registry.path(code).stream().map(r -> new PathElement(r.code(), r.name())).toList());
    }

    public record ParkInput(String name) {
    }

    /** Adds a chemical park under a county (parks rank with counties; enterprises can then name it). */
    @POST
    @Path("regions/{code}/parks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.REGISTRY_EDIT)
    @Audited(value = "registry.park-create", target = "region", idParam = "code")
    public Response createPark(@PathParam("code") String county, ParkInput input) {
        if (!caller().scope().coversRegion(county)) {
            throw new NotFoundException("no region '" + county + "'");
        }
        Region park = registry.createPark(county, input == null ? null : input.name());
        return Response.created(URI.create("regions/" + park.code())).entity(region(park.code())).build();
    }

    @GET
    @Path("enterprises")
    public Page<Enterprise> enterprises(@QueryParam("region") String region, @QueryParam("q") String text,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        String code = region == null || region.isBlank() ? null : region.strip();
        if (code != null && (registry.region(code).isEmpty() || !onPath(code))) {
            throw new NotFoundException("no region '" + code + "'");
        }
        return registry.enterprises(caller().scope(), code, text, Params.number("page", page, 0, 0, 1_000_000),
                Params.number("size", size, 20, 1, 500));
    }

    /** GB/T 4754-2017 chemical industry classes with the guide's group HazardWatch assigns by default. */
    @GET
    @Path("industries")
    public List<Industry> industries() {
        return registry.industries();
    }

    @GET
    @Path("enterprises/{id}")
    public Enterprise enterprise(@PathParam("id") long id) {
        return registry.enterprise(id).filter(e -> caller().sees(e.regionCode(), e.parkCode(), e.uscc()))
                .orElseThrow(() -> new NotFoundException("no enterprise " + id));
    }

    @POST
    @Path("enterprises")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.REGISTRY_EDIT)
    @Audited(value = "registry.enterprise-create", target = "enterprise")
    public Response create(Enterprise enterprise) {
        if (enterprise == null) {
            throw new IllegalArgumentException("an enterprise is required");
        }
        requireInScope(enterprise);
        Enterprise created = registry.create(enterprise);
        AuditTrail.target(request, Long.toString(created.id()));
        access.invalidate();
        return Response.created(URI.create("enterprises/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("enterprises/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.REGISTRY_EDIT)
    @Audited(value = "registry.enterprise-update", target = "enterprise")
    public Enterprise update(@PathParam("id") long id, Enterprise enterprise) {
        if (enterprise == null) {
            throw new IllegalArgumentException("an enterprise is required");
        }
        AuditTrail.before(request, enterprise(id));
        requireInScope(enterprise);
        Enterprise updated = registry.update(id, enterprise).orElseThrow(() -> new NotFoundException("no enterprise " + id));
        access.invalidate();
        return updated;
    }

    /** An enterprise may only be placed inside the caller's scope (a missing region the validator reports). */
    private void requireInScope(Enterprise e) {
        if (e.regionCode() != null && !e.regionCode().isBlank()
                && !caller().sees(e.regionCode().strip(), e.parkCode() == null || e.parkCode().isBlank() ? null : e.parkCode().strip(),
                        e.uscc() == null ? null : e.uscc().strip().toUpperCase(java.util.Locale.ROOT))) {
            throw new org.hazardwatch.api.registry.ValidationException(List.of(new org.hazardwatch.api.registry.FieldError(
                    "regionCode", "OUTSIDE_SCOPE", "is outside your region")));
        }
    }
}
