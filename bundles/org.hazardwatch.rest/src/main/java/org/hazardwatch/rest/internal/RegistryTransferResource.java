package org.hazardwatch.rest.internal;

import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.Supplier;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.hazardwatch.api.hazard.ImportReport;
import org.hazardwatch.api.hazard.RegistryTransfer;

/** Import and export of the registry as Excel and CSV. */
@Path("/registry")
@Requires(Permission.REGISTRY_VIEW)
public class RegistryTransferResource extends ScopedResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv; charset=UTF-8";
    /** Largest file accepted for import. */
    static final int MAX_BYTES = 20 * 1024 * 1024;

    private final Supplier<RegistryTransfer> transfer;

    public RegistryTransferResource(Supplier<RegistryTransfer> transfer, AccessControl access) {
        super(access);
        this.transfer = transfer;
    }

    /**
     * Checks a file and imports it unless it has errors or {@code dryRun}: 200 with the report, or 422 with every
     * row error and nothing imported.
     */
    @POST
    @Path("/import")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permission.REGISTRY_EDIT)
    @Audited(value = "registry.import", target = "registry")
    public Response importFile(@Context HttpHeaders headers, @QueryParam("format") String format,
            @QueryParam("sheet") String sheet, @QueryParam("dryRun") String dryRun, InputStream body) throws IOException {
        RegistryTransfer.Format f = format(format);
        checkSheet(f, sheet);
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
        if (bytes.length == 0) {
            throw new BadRequestException("the request body must be the file to import");
        }
        if (bytes.length > MAX_BYTES) {
            return Response.status(413).type(MediaType.APPLICATION_JSON)
                    .entity(new ApiError(413, "a file may have at most " + MAX_BYTES / (1024 * 1024) + " MB", "FILE_TOO_LARGE", null))
                    .build();
        }
        String user = username();
        ImportReport report = service().importFile(new ByteArrayInputStream(bytes), f, sheet, "true".equalsIgnoreCase(dryRun), user,
                caller().scope());
        AuditTrail.detail(request, ("true".equalsIgnoreCase(dryRun) ? "dry run, " : "") + report.errors().size() + " row error(s)");
        return Response.status(report.errors().isEmpty() ? 200 : 422).type(MediaType.APPLICATION_JSON).entity(report).build();
    }

    @GET
    @Path("/export")
    @Requires(Permission.REGISTRY_EXPORT)
    @Audited(value = "export.registry", target = "registry", idParam = "region")
    public Response export(@QueryParam("format") String format, @QueryParam("sheet") String sheet,
            @QueryParam("region") String region) {
        RegistryTransfer.Format f = format(format);
        String regionCode = region == null || region.isBlank() ? null : region.strip();
        if (regionCode != null && !regionCode.matches("[0-9]{2,6}(P[0-9]{2})?")) {
            throw new BadRequestException("region must be a region code such as 37 or 370281, not '" + region + "'");
        }
        regionCode = narrowed(regionCode);
        AuditTrail.target(request, regionCode);
        checkSheet(f, sheet);
        RegistryTransfer service = service();
        String exported = regionCode;
        StreamingOutput body = out -> service.exportFile(out, f, sheet, exported);
        return file(body, f, "hazardwatch-registry" + (regionCode == null ? "" : "-" + regionCode), sheet);
    }

    @GET
    @Path("/template")
    public Response template(@QueryParam("format") String format, @QueryParam("sheet") String sheet) {
        RegistryTransfer.Format f = format(format);
        checkSheet(f, sheet);
        RegistryTransfer service = service();
        StreamingOutput body = out -> service.template(out, f, sheet);
        return file(body, f, "hazardwatch-registry-template", sheet);
    }

    /**
     * The region to export within the caller's scope: the requested one when inside it, the scope's own when the
     * request is wider; exports are per region, so park and enterprise scopes cannot export.
     */
    private String narrowed(String requested) {
        org.hazardwatch.api.security.DataScope scope = caller().scope();
        if (scope.isAll()) {
            return requested;
        }
        if (scope.kind() != org.hazardwatch.api.security.DataScope.Kind.REGION) {
            throw new javax.ws.rs.ForbiddenException("registry exports are per region; ask your county for one");
        }
        if (requested == null || scope.code().startsWith(requested)) {
            return scope.code();
        }
        if (requested.startsWith(scope.code())) {
            return requested;
        }
        throw new javax.ws.rs.NotFoundException("no region " + requested);
    }

    private static Response file(StreamingOutput body, RegistryTransfer.Format f, String base, String sheet) {
        boolean zip = f == RegistryTransfer.Format.CSV && (sheet == null || sheet.isBlank());
        String name = f == RegistryTransfer.Format.XLSX ? base + ".xlsx" : zip ? base + "-csv.zip" : base + "-" + sheet + ".csv";
        return Response.ok(body, f == RegistryTransfer.Format.XLSX ? XLSX : zip ? "application/zip" : CSV)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /** A CSV file holds one sheet; CSV without a sheet is a ZIP archive of the three. */
    private static void checkSheet(RegistryTransfer.Format f, String sheet) {
        if (f == RegistryTransfer.Format.CSV && sheet != null && !sheet.isBlank() && !(RegistryTransfer.ENTERPRISES.equals(sheet)
                || RegistryTransfer.HAZARD_SOURCES.equals(sheet) || RegistryTransfer.INVENTORY.equals(sheet))) {
            throw new BadRequestException("sheet must be enterprises, hazardSources or inventory (or absent for a ZIP of the three CSV files)");
        }
    }

    static RegistryTransfer.Format format(String format) {
        if (format == null || format.isBlank()) {
            return RegistryTransfer.Format.XLSX;
        }
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "xlsx" -> RegistryTransfer.Format.XLSX;
            case "csv" -> RegistryTransfer.Format.CSV;
            default -> throw new BadRequestException("format must be xlsx or csv, not '" + format + "'");
        };
    }

    private RegistryTransfer service() {
        RegistryTransfer service = transfer.get();
        if (service == null) {
            throw new ServiceUnavailableException("import and export are not installed (feature hazardwatch-transfer)");
        }
        return service;
    }
}
