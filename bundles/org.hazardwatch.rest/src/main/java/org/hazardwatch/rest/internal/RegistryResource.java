package org.hazardwatch.rest.internal;

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
public class RegistryResource {

    public record PathElement(String code, String name) {
    }

    public record RegionDetail(String code, String name, RegionLevel level, String parentCode, String fullName,
            List<PathElement> path) {
    }

    private final RegistryService registry;

    public RegistryResource(RegistryService registry) {
        this.registry = registry;
    }

    @GET
    @Path("regions")
    public List<RegionSummary> regions(@QueryParam("parent") String parent) {
        String code = parent == null || parent.isBlank() ? null : parent.strip();
        if (code != null && registry.region(code).isEmpty()) {
            throw new NotFoundException("no region '" + code + "'");
        }
        return registry.children(code);
    }

    @GET
    @Path("regions/{code}")
    public RegionDetail region(@PathParam("code") String code) {
        Region region = registry.region(code).orElseThrow(() -> new NotFoundException("no region '" + code + "'"));
        return new RegionDetail(region.code(), region.name(), region.level(), region.parentCode(), region.fullName(),
                registry.path(code).stream().map(r -> new PathElement(r.code(), r.name())).toList());
    }

    public record ParkInput(String name) {
    }

    /** Adds a chemical park under a county (parks rank with counties; enterprises can then name it). */
    @POST
    @Path("regions/{code}/parks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createPark(@PathParam("code") String county, ParkInput input) {
        Region park = registry.createPark(county, input == null ? null : input.name());
        return Response.created(URI.create("regions/" + park.code())).entity(region(park.code())).build();
    }

    @GET
    @Path("enterprises")
    public Page<Enterprise> enterprises(@QueryParam("region") String region, @QueryParam("q") String text,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        String code = region == null || region.isBlank() ? null : region.strip();
        if (code != null && registry.region(code).isEmpty()) {
            throw new NotFoundException("no region '" + code + "'");
        }
        return registry.enterprises(code, text, Params.number("page", page, 0, 0, 1_000_000),
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
        return registry.enterprise(id).orElseThrow(() -> new NotFoundException("no enterprise " + id));
    }

    @POST
    @Path("enterprises")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Enterprise enterprise) {
        if (enterprise == null) {
            throw new IllegalArgumentException("an enterprise is required");
        }
        Enterprise created = registry.create(enterprise);
        return Response.created(URI.create("enterprises/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("enterprises/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Enterprise update(@PathParam("id") long id, Enterprise enterprise) {
        if (enterprise == null) {
            throw new IllegalArgumentException("an enterprise is required");
        }
        return registry.update(id, enterprise).orElseThrow(() -> new NotFoundException("no enterprise " + id));
    }
}
