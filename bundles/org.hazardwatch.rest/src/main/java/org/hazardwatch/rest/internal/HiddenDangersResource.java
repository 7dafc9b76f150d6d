package org.hazardwatch.rest.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
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

import org.hazardwatch.api.danger.DangerAction;
import org.hazardwatch.api.danger.DangerAttachment;
import org.hazardwatch.api.danger.DangerCategory;
import org.hazardwatch.api.danger.DangerLevel;
import org.hazardwatch.api.danger.DangerStatus;
import org.hazardwatch.api.danger.HiddenDanger;
import org.hazardwatch.api.danger.HiddenDangerService;
import org.hazardwatch.api.danger.Inspection;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;

/**
 * Hidden-danger investigation and governance (E1): investigations, hidden dangers, rectification notices and reports,
 * acceptance, governance projects of major ones. Which step a person may take is the workflow's to say; the service
 * audits every step.
 */
@Path("/hidden-dangers")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.DANGER_VIEW)
public class HiddenDangersResource extends ScopedResource {

    public record DangerInput(String uscc, String hazardSourceCode, Long inspectionId, String level, String category, String location,
            String description, String foundAt) {
    }

    public record StepInput(String note, String responsible, String deadline, String noticeNumber) {
    }

    public record GovernanceInput(String measures, BigDecimal funds, String responsible, String deadline) {
    }

    public record ProgressInput(Integer percent, String note) {
    }

    public record InspectionInput(String uscc, String kind, String title, List<String> checklist, String inspector, String plannedAt) {
    }

    public record ResultInput(String result) {
    }

    private final HiddenDangerService dangers;

    public HiddenDangersResource(HiddenDangerService dangers, AccessControl access) {
        super(access);
        this.dangers = dangers;
    }

    @GET
    public Page<HiddenDanger> search(@QueryParam("status") String status, @QueryParam("level") String level, @QueryParam("uscc") String uscc,
            @QueryParam("region") String region, @QueryParam("overdue") Boolean overdue, @QueryParam("inspectionId") Long inspectionId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return dangers.search(caller(), new HiddenDangerService.Query(Params.enumValue("status", status, DangerStatus.class),
                Params.enumValue("level", level, DangerLevel.class), uscc, region, overdue, inspectionId), Params.number("page", page, 0, 0, 100_000),
                Params.number("size", size, 20, 1, 200));
    }

    @GET
    @Path("/todo")
    public List<HiddenDanger> todo() {
        return dangers.todo(caller());
    }

    @GET
    @Path("/statistics")
    public HiddenDangerService.Statistics statistics(@QueryParam("from") String from, @QueryParam("to") String to) {
        return dangers.statistics(caller(), Params.instant("from", from, null), Params.instant("to", to, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(DangerInput input) {
        if (input == null) {
            throw new ValidationException(List.of(new FieldError("uscc", "REQUIRED", "uscc, level, category, location, description")));
        }
        HiddenDanger recorded = dangers.record(caller(), new HiddenDangerService.DangerDraft(input.uscc(), input.hazardSourceCode(),
                input.inspectionId(), Params.enumValue("level", input.level(), DangerLevel.class),
                Params.enumValue("category", input.category(), DangerCategory.class), input.location(), input.description(),
                Params.instant("foundAt", input.foundAt(), null)));
        return Response.created(URI.create("hidden-dangers/" + recorded.id())).entity(recorded).build();
    }

    @GET
    @Path("/{id}")
    public HiddenDanger get(@PathParam("id") String id) {
        return dangers.get(caller(), id).orElseThrow(() -> new NoSuchElementException("no hidden danger " + id));
    }

    /** ASSIGN (responsible, deadline, noticeNumber), REPORT (note), ACCEPT, REJECT (note). */
    @POST
    @Path("/{id}/actions/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public HiddenDanger act(@PathParam("id") String id, @PathParam("action") String action, StepInput input) {
        DangerAction step = Params.enumValue("action", action, DangerAction.class);
        StepInput in = input == null ? new StepInput(null, null, null, null) : input;
        return dangers.act(caller(), id, step, new HiddenDangerService.Step(in.note(), in.responsible(), Params.instant("deadline", in.deadline(), null),
                in.noticeNumber()));
    }

    @POST
    @Path("/{id}/governance")
    @Consumes(MediaType.APPLICATION_JSON)
    public HiddenDanger plan(@PathParam("id") String id, GovernanceInput input) {
        GovernanceInput in = input == null ? new GovernanceInput(null, null, null, null) : input;
        return dangers.plan(caller(), id, in.measures(), in.funds(), in.responsible(), Params.instant("deadline", in.deadline(), null));
    }

    @POST
    @Path("/{id}/governance/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    public HiddenDanger progress(@PathParam("id") String id, ProgressInput input) {
        if (input == null || input.percent() == null) {
            throw new ValidationException(List.of(new FieldError("percent", "REQUIRED", "0 to 100")));
        }
        return dangers.progress(caller(), id, input.percent(), input.note());
    }

    /** Uploads a photo or file as the raw body; {@code stage} FINDING, EVIDENCE or OTHER. */
    @POST
    @Path("/{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    public Response attach(@Context HttpHeaders headers, @PathParam("id") String id, @QueryParam("stage") String stage,
            @QueryParam("fileName") String fileName, InputStream body) {
        String media = headers.getMediaType() == null ? null : headers.getMediaType().toString();
        DangerAttachment attachment = dangers.attach(caller(), id, stage, fileName, media, body);
        return Response.created(URI.create("hidden-dangers/" + id + "/attachments/" + attachment.id())).entity(attachment).build();
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") String id, @PathParam("attachmentId") long attachmentId) {
        HiddenDangerService.AttachmentContent found = dangers.attachment(caller(), id, attachmentId)
                .orElseThrow(() -> new NoSuchElementException("hidden danger " + id + " has no attachment " + attachmentId));
        return Response.ok(found.content(), found.attachment().contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(found.attachment().fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-SHA256", found.attachment().sha256()).build();
    }

    @GET
    @Path("/inspections")
    public List<Inspection> inspections(@QueryParam("uscc") String uscc, @QueryParam("status") String status, @QueryParam("limit") String limit) {
        return dangers.inspections(caller(), uscc, status, Params.limit(limit, 100, 1000));
    }

    @POST
    @Path("/inspections")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response planInspection(InspectionInput input) {
        InspectionInput in = input == null ? new InspectionInput(null, null, null, null, null, null) : input;
        Inspection planned = dangers.planInspection(caller(), new HiddenDangerService.InspectionDraft(in.uscc(), in.kind(), in.title(), in.checklist(),
                in.inspector(), Params.instant("plannedAt", in.plannedAt(), null)));
        return Response.created(URI.create("hidden-dangers/inspections/" + planned.id())).entity(planned).build();
    }

    @POST
    @Path("/inspections/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Inspection complete(@PathParam("id") long id, ResultInput input) {
        return dangers.completeInspection(caller(), id, input == null ? null : input.result());
    }
}
