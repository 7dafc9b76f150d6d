package org.hazardwatch.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.hazardwatch.api.accident.Accident;
import org.hazardwatch.api.accident.AccidentKind;
import org.hazardwatch.api.accident.AccidentService;
import org.hazardwatch.api.accident.AccidentTransfer;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.Permission;

/** The accident register (事故登记): entered by hand, imported from Excel, replicated up the levels. */
@Path("/accidents")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.ACCIDENT_VIEW)
public class AccidentsResource extends ScopedResource {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** {@code occurredAt}: ISO-8601 with an offset, or a local date-time (China time) such as 2019-03-21T14:48. */
    public record AccidentInput(String occurredAt, String uscc, String enterpriseName, String regionCode, String industryCode,
            String hazardSourceCode, String kind, Integer deaths, Integer injuries, BigDecimal directLossWan, String description,
            String sourceDocument) {
    }

    public record VoidInput(String reason) {
    }

    private final AccidentService accidents;
    private final Supplier<AccidentTransfer> transfer;

    public AccidentsResource(AccidentService accidents, Supplier<AccidentTransfer> transfer, AccessControl access) {
        super(access);
        this.accidents = accidents;
        this.transfer = transfer;
    }

    /** Newest first. {@code from}/{@code to}: dates (China time, {@code to} inclusive) or instants. */
    @GET
    public Page<Accident> search(@QueryParam("region") String region, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("kind") String kind, @QueryParam("uscc") String uscc, @QueryParam("q") String text,
            @QueryParam("includeVoided") String includeVoided, @QueryParam("page") String page, @QueryParam("size") String size) {
        return accidents.search(caller(), query(region, from, to, kind, uscc, text, includeVoided), Params.number("page", page, 0, 0, 100_000),
                Params.number("size", size, 20, 1, 500));
    }

    static AccidentService.Query query(String region, String from, String to, String kind, String uscc, String text, String includeVoided) {
        return new AccidentService.Query(region, bound("from", from, false), bound("to", to, true), Params.enumValue("kind", kind, AccidentKind.class),
                uscc, text, "true".equalsIgnoreCase(includeVoided));
    }

    /** A date (China time; the end bound includes the whole day) or an ISO-8601 instant. */
    static Instant bound(String name, String text, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            return (end ? day.plusDays(1) : day).atStartOfDay(CHINA).toInstant();
        } catch (DateTimeParseException e) {
            return Params.instant(name, text, null);
        }
    }

    @GET
    @Path("/{id}")
    public Accident get(@PathParam("id") String id) {
        return accidents.get(caller(), id).orElseThrow(() -> notFound("no accident " + id));
    }

    /** The alarms of the accident's enterprise in the {@code hours} (default 72) before it, with lead times (B5). */
    @GET
    @Path("/{id}/preceding-alarms")
    public AccidentService.Precursors precedingAlarms(@PathParam("id") String id, @QueryParam("hours") String hours) {
        return accidents.precedingAlarms(caller(), id, Params.number("hours", hours, 72, 1, AccidentService.MAX_WINDOW_HOURS))
                .orElseThrow(() -> notFound("no accident " + id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ACCIDENT_EDIT)
    public Response record(AccidentInput input) {
        Accident created = accidents.record(caller(), draft(input));
        return Response.created(URI.create("accidents/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ACCIDENT_EDIT)
    public Accident update(@PathParam("id") String id, AccidentInput input) {
        return accidents.update(caller(), id, draft(input));
    }

    @POST
    @Path("/{id}/void")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ACCIDENT_EDIT)
    public Accident voidRecord(@PathParam("id") String id, VoidInput input) {
        return accidents.voidRecord(caller(), id, input == null ? null : input.reason());
    }

    static AccidentService.Draft draft(AccidentInput input) {
        AccidentInput in = input == null ? new AccidentInput(null, null, null, null, null, null, null, null, null, null, null, null) : input;
        AccidentKind kind = null;
        if (in.kind() != null && !in.kind().isBlank()) {
            kind = AccidentKind.parse(in.kind());
            if (kind == null) {
                throw new ValidationException(List.of(new FieldError("kind", "INVALID", "one of FIRE, EXPLOSION, POISONING, LEAK, OTHER")));
            }
        }
        return new AccidentService.Draft(occurredAt(in.occurredAt()), in.uscc(), in.enterpriseName(), in.regionCode(), in.industryCode(),
                in.hazardSourceCode(), kind, in.deaths(), in.injuries(), in.directLossWan(), in.description(), in.sourceDocument());
    }

    private static Instant occurredAt(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).atZone(CHINA).toInstant();
            } catch (DateTimeParseException again) {
                throw new ValidationException(List.of(new FieldError("occurredAt", "FORMAT", "a time such as 2019-03-21T14:48+08:00")));
            }
        }
    }

    /** Checks an .xlsx and imports it unless it has errors or {@code dryRun}: 200 with the result, or 422 with every row error. */
    @POST
    @Path("/import")
    @Consumes(MediaType.WILDCARD)
    @Requires(Permission.ACCIDENT_EDIT)
    public Response importFile(@QueryParam("dryRun") String dryRun, InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(RegistryTransferResource.MAX_BYTES + 1);
        if (bytes.length == 0) {
            throw new BadRequestException("the request body must be the .xlsx file to import");
        }
        if (bytes.length > RegistryTransferResource.MAX_BYTES) {
            return Response.status(413).type(MediaType.APPLICATION_JSON).entity(new ApiError(413, "a file may have at most "
                    + RegistryTransferResource.MAX_BYTES / (1024 * 1024) + " MB", "FILE_TOO_LARGE", null)).build();
        }
        AccidentService.ImportResult result = service().importFile(caller(), new ByteArrayInputStream(bytes), "true".equalsIgnoreCase(dryRun));
        return Response.status(result.errors().isEmpty() ? 200 : 422).type(MediaType.APPLICATION_JSON).entity(result).build();
    }

    @GET
    @Path("/template")
    @Produces(RegistryTransferResource.XLSX)
    public Response template() {
        AccidentTransfer service = service();
        StreamingOutput body = service::template;
        return Response.ok(body, RegistryTransferResource.XLSX).header("Content-Disposition", "attachment; filename=\"hazardwatch-accidents-template.xlsx\"")
                .build();
    }

    /** The accidents the filters select, in the import's columns. */
    @GET
    @Path("/export")
    @Produces(RegistryTransferResource.XLSX)
    @Audited(value = "export.accidents", target = "accident")
    public Response export(@QueryParam("region") String region, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("kind") String kind, @QueryParam("uscc") String uscc, @QueryParam("q") String text) {
        AccidentService.Query query = query(region, from, to, kind, uscc, text, null);
        AccidentTransfer service = service();
        Caller caller = caller();
        StreamingOutput body = out -> service.export(caller, query, out);
        return Response.ok(body, RegistryTransferResource.XLSX).header("Content-Disposition", "attachment; filename=\"hazardwatch-accidents.xlsx\"")
                .build();
    }

    private AccidentTransfer service() {
        AccidentTransfer service = transfer.get();
        if (service == null) {
            throw new ServiceUnavailableException("Excel import and export are not installed (feature hazardwatch-transfer)");
        }
        return service;
    }
}
