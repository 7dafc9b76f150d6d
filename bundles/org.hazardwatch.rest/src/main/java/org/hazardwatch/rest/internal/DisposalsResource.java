package org.hazardwatch.rest.internal;

import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

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
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.hazardwatch.api.disposal.Disposal;
import org.hazardwatch.api.disposal.DisposalAttachment;
import org.hazardwatch.api.disposal.DisposalReport;
import org.hazardwatch.api.disposal.DisposalService;
import org.hazardwatch.api.disposal.DisposalStatus;
import org.hazardwatch.api.disposal.EmergencyPlan;
import org.hazardwatch.api.registry.Page;

/** Alarm disposal records (view, verify, dispose by a plan, close), their files and PDF report. */
@Path("/disposals")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.DISPOSAL_VIEW)
public class DisposalsResource extends ScopedResource {

    public record OpenRequest(Long alarmId) {
    }

    public record AssignRequest(Long planId, String assignee, Instant deadline, String note) {
    }

    public record CloseRequest(String conclusion, Boolean falseAlarm) {
    }

    public record NoteRequest(String note) {
    }

    private final DisposalService disposals;
    private final Supplier<DisposalReport> reports;
    private final java.util.function.BiPredicate<org.hazardwatch.api.security.Caller, Long> alarmVisible;

    /** @param alarmVisible whether a caller sees an alarm (its enterprise is in scope) */
    public DisposalsResource(DisposalService disposals, Supplier<DisposalReport> reports, AccessControl access,
            java.util.function.BiPredicate<org.hazardwatch.api.security.Caller, Long> alarmVisible) {
        super(access);
        this.disposals = disposals;
        this.reports = reports;
        this.alarmVisible = alarmVisible;
    }

    @GET
    public Page<Disposal> list(@QueryParam("status") String status, @QueryParam("enterprise") String enterprise,
            @QueryParam("overdue") String overdue, @QueryParam("page") String page, @QueryParam("size") String size) {
        return disposals.list(Params.enumValue("status", status, DisposalStatus.class),
                enterprise == null || enterprise.isBlank() ? null : enterprise.strip(), caller().scope(),
                "true".equalsIgnoreCase(overdue) ? Instant.now() : null, Params.number("page", page, 0, 0, 1_000_000),
                Params.number("size", size, 50, 1, 500));
    }

    /** Opens the disposal of an alarm, or answers the one already open (200 instead of 201). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.DISPOSAL_DISPOSE)
    @Audited(value = "disposal.open", target = "disposal")
    public Response open(@Context HttpHeaders headers, OpenRequest request) {
        if (request == null || request.alarmId() == null) {
            throw new BadRequestException("alarmId: which alarm to dispose of");
        }
        if (!alarmVisible.test(caller(), request.alarmId())) {
            throw new NotFoundException("no alarm " + request.alarmId());
        }
        boolean existed = disposals.ofAlarm(request.alarmId()).isPresent();
        Disposal disposal = Params.changing(() -> disposals.open(request.alarmId(), user(headers)), "no alarm " + request.alarmId());
        AuditTrail.target(this.request, Long.toString(disposal.id()));
        return (existed ? Response.ok() : Response.created(URI.create("disposals/" + disposal.id()))).entity(disposal).build();
    }

    @GET
    @Path("{id}")
    public Disposal get(@PathParam("id") long id) {
        return disposals.get(id).filter(d -> sees(d.enterpriseCode())).orElseThrow(() -> new NotFoundException("no disposal " + id));
    }

    @POST
    @Path("{id}/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.DISPOSAL_DISPOSE)
    @Audited(value = "disposal.verify", target = "disposal")
    public Disposal verify(@Context HttpHeaders headers, @PathParam("id") long id, AssignRequest r) {
        AuditTrail.before(this.request, get(id).status());
        AssignRequest request = r == null ? new AssignRequest(null, null, null, null) : r;
        return Params.changing(() -> disposals.verify(id, request.assignee(), request.deadline(), request.note(), user(headers)),
                "no disposal " + id);
    }

    @POST
    @Path("{id}/dispose")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.DISPOSAL_DISPOSE)
    @Audited(value = "disposal.dispose", target = "disposal")
    public Disposal dispose(@Context HttpHeaders headers, @PathParam("id") long id, AssignRequest r) {
        AuditTrail.before(this.request, get(id).status());
        if (r == null || r.planId() == null) {
            throw new BadRequestException("planId: the emergency plan to act by");
        }
        return Params.changing(() -> disposals.dispose(id, r.planId(), r.assignee(), r.deadline(), r.note(), user(headers)),
                "no disposal " + id);
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.DISPOSAL_DISPOSE)
    @Audited(value = "disposal.close", target = "disposal")
    public Disposal close(@Context HttpHeaders headers, @PathParam("id") long id, CloseRequest r) {
        AuditTrail.before(this.request, get(id).status());
        CloseRequest request = r == null ? new CloseRequest(null, null) : r;
        return Params.changing(() -> disposals.close(id, request.conclusion(), Boolean.TRUE.equals(request.falseAlarm()),
                user(headers)), "no disposal " + id);
    }

    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.DISPOSAL_DISPOSE)
    @Audited(value = "disposal.note", target = "disposal")
    public Disposal note(@Context HttpHeaders headers, @PathParam("id") long id, NoteRequest r) {
        get(id);
        return Params.changing(() -> disposals.note(id, r == null ? null : r.note(), user(headers)), "no disposal " + id);
    }

    /** Uploads a photo or file as the raw request body; its name comes in {@code fileName}. */
    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @Requires(Permission.DISPOSAL_DISPOSE)
    @Audited(value = "disposal.attach", target = "disposal")
    public Response attach(@Context HttpHeaders headers, @PathParam("id") long id, @QueryParam("fileName") String fileName,
            InputStream body) {
        get(id);
        String type = headers.getMediaType() == null ? null : headers.getMediaType().toString();
        DisposalAttachment attachment = Params.changing(() -> disposals.attach(id, fileName, type, body, user(headers)),
                "no disposal " + id);
        return Response.created(URI.create("disposals/" + id + "/attachments/" + attachment.id())).entity(attachment).build();
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
        DisposalAttachment meta = get(id).attachments().stream().filter(a -> a.id() == attachmentId).findFirst()
                .orElseThrow(() -> new NotFoundException("disposal " + id + " has no attachment " + attachmentId));
        byte[] content = disposals.attachmentContent(id, attachmentId)
                .orElseThrow(() -> new NotFoundException("disposal " + id + " has no attachment " + attachmentId));
        return Response.ok(content, meta.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encode(meta.fileName()))
                .header("X-Content-SHA256", meta.sha256()).build();
    }

    @GET
    @Path("{id}/report.pdf")
    @Produces({ "application/pdf", MediaType.APPLICATION_JSON })
    @Audited(value = "export.disposal-report", target = "disposal")
    public Response report(@PathParam("id") long id) {
        DisposalReport report = reports.get();
        if (report == null) {
            throw new ServiceUnavailableException("PDF reports are not installed (feature hazardwatch-reports)");
        }
        get(id);
        StreamingOutput body = out -> report.write(id, out);
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"hazardwatch-disposal-" + id + ".pdf\"").build();
    }

    private String user(HttpHeaders headers) {
        return username();
    }

    private static String encode(String name) {
        return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
