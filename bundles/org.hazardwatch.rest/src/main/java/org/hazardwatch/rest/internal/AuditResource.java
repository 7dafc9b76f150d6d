package org.hazardwatch.rest.internal;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.AuditQuery;
import org.hazardwatch.api.security.AuditVerification;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.Permission;

/** The audit log (G4): query, CSV export, chain verification. Auditors read the actions of their scope's people. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.AUDIT_VIEW)
public class AuditResource extends ScopedResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit, AccessControl access) {
        super(access);
        this.audit = audit;
    }

    @GET
    public Page<AuditEntry> search(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("targetType") String targetType, @QueryParam("outcome") String outcome,
            @QueryParam("text") String text, @QueryParam("page") String page, @QueryParam("size") String size) {
        return audit.search(caller(), query(from, to, actor, action, targetType, outcome, text),
                Params.number("page", page, 0, 0, 1_000_000), Params.number("size", size, 50, 1, 500));
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @Requires(Permission.AUDIT_EXPORT)
    @Audited(value = "export.audit", target = "audit")
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("targetType") String targetType, @QueryParam("outcome") String outcome,
            @QueryParam("text") String text) {
        AuditQuery query = query(from, to, actor, action, targetType, outcome, text);
        Caller caller = caller();
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            audit.export(caller, query, writer);
            writer.flush();
        };
        String name = "audit-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()) + ".csv";
        return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    @POST
    @Path("/verify")
    @Audited(value = "audit.verify", target = "audit")
    public AuditVerification verify() {
        return audit.verify();
    }

    private static AuditQuery query(String from, String to, String actor, String action, String targetType, String outcome,
            String text) {
        return new AuditQuery(Params.instant("from", from, null), Params.instant("to", to, null), blank(actor), blank(action),
                blank(targetType), blank(outcome), blank(text));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
