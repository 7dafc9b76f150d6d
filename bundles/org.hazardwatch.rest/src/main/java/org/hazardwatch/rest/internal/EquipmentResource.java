package org.hazardwatch.rest.internal;

import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.NoSuchElementException;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hazardwatch.api.equipment.EquipmentInspection;
import org.hazardwatch.api.equipment.EquipmentService;
import org.hazardwatch.api.equipment.InspectedEquipment;
import org.hazardwatch.api.equipment.InspectedKind;
import org.hazardwatch.api.equipment.InspectionResult;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;

/**
 * Equipment under periodic inspection (E2): the enterprise registers it and records inspections with their
 * certificates; the enterprise and its park management see it, no one above.
 */
@Path("/equipment")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.EQUIPMENT_VIEW)
public class EquipmentResource extends ScopedResource {

    public record EquipmentInput(String uscc, String tag, String name, String kind, String hazardSourceCode, String registrationCode,
            Integer intervalMonths, String firstDue) {
    }

    public record InspectionInput(String inspectedOn, String agency, String result, String certificateNumber, String validUntil, String note) {
    }

    public record RetireInput(String reason) {
    }

    private final EquipmentService equipment;

    public EquipmentResource(EquipmentService equipment, AccessControl access) {
        super(access);
        this.equipment = equipment;
    }

    /** Soonest due first; {@code state} OK, DUE, OVERDUE, OUT_OF_SERVICE, RETIRED (default: all but retired). */
    @GET
    public List<InspectedEquipment> list(@QueryParam("uscc") String uscc, @QueryParam("kind") String kind, @QueryParam("state") String state,
            @QueryParam("limit") String limit) {
        return equipment.list(caller(), uscc, Params.enumValue("kind", kind, InspectedKind.class), state, Params.limit(limit, 500, 5000));
    }

    @GET
    @Path("/summary")
    public EquipmentService.Summary summary() {
        return equipment.summary(caller());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.EQUIPMENT_EDIT)
    public Response register(EquipmentInput input) {
        EquipmentInput in = input == null ? new EquipmentInput(null, null, null, null, null, null, null, null) : input;
        InspectedEquipment registered = equipment.register(caller(), new EquipmentService.EquipmentDraft(in.uscc(), in.tag(), in.name(),
                Params.enumValue("kind", in.kind(), InspectedKind.class), in.hazardSourceCode(), in.registrationCode(), in.intervalMonths(),
                date("firstDue", in.firstDue())));
        return Response.created(URI.create("equipment/" + registered.id())).entity(registered).build();
    }

    @GET
    @Path("/{id}")
    public InspectedEquipment get(@PathParam("id") long id) {
        return equipment.get(caller(), id).orElseThrow(() -> new NoSuchElementException("no equipment " + id));
    }

    @POST
    @Path("/{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.EQUIPMENT_EDIT)
    public InspectedEquipment retire(@PathParam("id") long id, RetireInput input) {
        return equipment.retire(caller(), id, input == null ? null : input.reason());
    }

    @POST
    @Path("/{id}/inspections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.EQUIPMENT_EDIT)
    public InspectedEquipment inspect(@PathParam("id") long id, InspectionInput input) {
        InspectionInput in = input == null ? new InspectionInput(null, null, null, null, null, null) : input;
        return equipment.recordInspection(caller(), id, new EquipmentService.InspectionDraft(date("inspectedOn", in.inspectedOn()), in.agency(),
                Params.enumValue("result", in.result(), InspectionResult.class), in.certificateNumber(), date("validUntil", in.validUntil()), in.note()));
    }

    /** Uploads the certificate of an inspection as the raw body (once). */
    @POST
    @Path("/{id}/inspections/{inspectionId}/certificate")
    @Consumes(MediaType.WILDCARD)
    @Requires(Permission.EQUIPMENT_EDIT)
    public EquipmentInspection certify(@Context HttpHeaders headers, @PathParam("id") long id, @PathParam("inspectionId") long inspectionId,
            @QueryParam("fileName") String fileName, InputStream body) {
        String media = headers.getMediaType() == null ? null : headers.getMediaType().toString();
        return equipment.attachCertificate(caller(), id, inspectionId, fileName, media, body);
    }

    @GET
    @Path("/{id}/inspections/{inspectionId}/certificate")
    @Produces(MediaType.WILDCARD)
    public Response certificate(@PathParam("id") long id, @PathParam("inspectionId") long inspectionId) {
        EquipmentService.Certificate found = equipment.certificate(caller(), id, inspectionId)
                .orElseThrow(() -> new NoSuchElementException("no certificate of inspection " + inspectionId + " of equipment " + id));
        return Response.ok(found.content(), found.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(found.fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-SHA256", found.sha256()).build();
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(List.of(new FieldError(field, "FORMAT", "a date such as 2026-12-31")));
        }
    }
}
