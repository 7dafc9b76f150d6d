package org.hazardwatch.rest.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hazardwatch.api.exchange.EnrolmentToken;
import org.hazardwatch.api.exchange.ExchangeCommand;
import org.hazardwatch.api.exchange.ExchangeLinks;
import org.hazardwatch.api.exchange.ExchangeStore;
import org.hazardwatch.api.exchange.LinkStatus;
import org.hazardwatch.api.exchange.MessageLogEntry;
import org.hazardwatch.api.exchange.MessageLogQuery;
import org.hazardwatch.api.exchange.NodeCertificate;
import org.hazardwatch.api.exchange.NodeStatus;
import org.hazardwatch.api.exchange.SecurityCentre;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.api.store.PointRepository;

/**
 * The security centre (I3), at the node that runs it: the authority certificate and revocation list (public, nodes
 * fetch them), enrolment and renewal (public: a one-time token or the current key authenticates), and for
 * administrators with {@code exchange:administer} and national scope the tokens, certificates and nodes.
 */
@Path("/exchange")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.EXCHANGE_ADMINISTER)
public class ExchangeResource extends ScopedResource {

    public record EnrolRequest(String csr, String token) {
    }

    public record RenewRequest(String csr, String currentSerial, String signature) {
    }

    public record HeartbeatRequest(String serial, String at, String address, String signature) {
    }

    public record TokenRequest(String organisationCode, String role, Integer hours) {
    }

    public record RevokeRequest(String reason) {
    }

    /** A certificate as the directory publishes it: what a node needs to check a signature or encrypt to it. */
    public record DirectoryEntry(String serial, String organisationCode, String role, NodeCertificate.Status status,
            java.time.Instant notAfter, String pem) {

        static DirectoryEntry of(NodeCertificate c) {
            return new DirectoryEntry(c.serial(), c.organisationCode(), c.role(), c.status(), c.notAfter(), c.pem());
        }
    }

    public record LinksView(String organisationCode, List<LinkStatus> links) {
    }

    public record ThresholdChangeRequest(String pointId, com.fasterxml.jackson.databind.JsonNode limits, String reason) {
    }

    /** @param pointIds qualified ids ({@code <USCC>:<id>}) of the points wanted; empty or null for all of them */
    public record LiveQueryRequest(String enterprise, List<String> pointIds, String reason) {
    }

    /** The command type of live queries (the exchange bundle, which defines it, is optional here). */
    static final String LIVE_QUERY = "live-query";

    private final Supplier<SecurityCentre> centre;
    private final Supplier<ExchangeLinks> links;
    private final ExchangeStore store;
    private final PointRepository points;
    private final AuditLog audit;

    public ExchangeResource(Supplier<SecurityCentre> centre, Supplier<ExchangeLinks> links, ExchangeStore store, PointRepository points,
            AuditLog audit, AccessControl access) {
        super(access);
        this.centre = centre;
        this.links = links;
        this.store = store;
        this.points = points;
        this.audit = audit;
    }

    private ExchangeLinks links() {
        ExchangeLinks running = links.get();
        if (running == null) {
            throw new ServiceUnavailableException("the exchange links are not running (feature hazardwatch-exchange)");
        }
        return running;
    }

    /**
     * The certificate directory (public, like the certificates themselves): one certificate by serial, or every
     * certificate of an organisation. Nodes fetch their neighbours' certificates here to check signatures and to
     * encrypt to them.
     */
    @GET
    @Path("/directory")
    @Requires({})
    public Object directory(@QueryParam("serial") String serial, @QueryParam("organisation") String organisation) {
        if (serial != null && !serial.isBlank()) {
            if (!serial.matches("[0-9a-f]{1,40}")) {
                throw new ValidationException(List.of(new FieldError("serial", "FORMAT", "lower-case hex, at most 40 digits")));
            }
            return centre().certificate(serial).map(DirectoryEntry::of).orElseThrow(() -> notFound("certificate " + serial));
        }
        if (organisation == null || organisation.isBlank() || !organisation.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new ValidationException(List.of(new FieldError("organisation", "REQUIRED", "give serial or organisation")));
        }
        return centre().certificates(organisation.strip()).stream().map(DirectoryEntry::of).toList();
    }

    /** The links to the parent and the children: connected, backlog, last message, counters. */
    @GET
    @Path("/links")
    public LinksView linkStatus() {
        ExchangeLinks running = links();
        return new LinksView(running.organisationCode(), running.links());
    }

    /** The message log, newest first: sent, received, accepted, duplicates, rejected with the reason, dropped. */
    @GET
    @Path("/messages")
    public List<MessageLogEntry> messages(@QueryParam("neighbour") String neighbour, @QueryParam("direction") String direction,
            @QueryParam("status") String status, @QueryParam("type") String type, @QueryParam("before") Long before,
            @QueryParam("limit") Integer limit) {
        return store.messages(new MessageLogQuery(blankToNull(neighbour),
                direction == null || direction.isBlank() ? null : Params.enumValue("direction", direction, MessageLogEntry.Direction.class),
                status == null || status.isBlank() ? null : Params.enumValue("status", status, MessageLogEntry.Status.class),
                blankToNull(type), null, null, before, limit == null ? 100 : Math.max(1, Math.min(1000, limit))));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Commands sent down from or through this node, newest first, with the target's answer. */
    @GET
    @Path("/commands")
    @Requires(Permission.ALARM_CONFIGURE)
    public List<ExchangeCommand> commands(@QueryParam("limit") Integer limit) {
        return store.commands(limit == null ? 100 : Math.max(1, Math.min(500, limit))).stream()
                .filter(c -> sees(c.enterpriseCode())).toList();
    }

    /**
     * Sends a threshold change for a point of an enterprise below this node (requirement I4): signed here and by each
     * node on the way, applied by the enterprise node, answered back up.
     */
    @POST
    @Path("/commands/threshold")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ALARM_CONFIGURE)
    @Audited(value = "exchange.threshold-change", target = "point", idParam = "none")
    public Response thresholdChange(ThresholdChangeRequest body) {
        if (body == null) {
            throw new ValidationException(List.of(new FieldError("pointId", "REQUIRED", "pointId, limits and reason are required")));
        }
        if (body.pointId() != null) {
            points.findById(body.pointId()).ifPresent(point -> requireSees(point.enterpriseCode(), "point " + body.pointId()));
            AuditTrail.target(request, body.pointId());
        }
        ExchangeCommand command = links().sendThresholdChange(body.pointId(), body.limits() == null ? null : body.limits().toString(),
                body.reason(), username());
        return Response.accepted(command).build();
    }

    /**
     * Asks the node below that reads an enterprise's instruments for their current values (C3): live data, so the
     * caller must see the enterprise's live data (own region, a granted access request, or monitoring:live-all).
     * Answers 202 with the query; its result arrives in {@code GET /exchange/queries/{id}}.
     */
    @POST
    @Path("/queries/live")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.MONITORING_VIEW)
    @Audited(value = "exchange.live-query", target = "enterprise", idParam = "none")
    public Response liveQuery(LiveQueryRequest body) {
        if (body == null || body.enterprise() == null || body.enterprise().isBlank()) {
            throw new ValidationException(List.of(new FieldError("enterprise", "REQUIRED", "enterprise, reason and optionally pointIds")));
        }
        String enterprise = body.enterprise().strip();
        AuditTrail.target(request, enterprise);
        requireSeesLive(enterprise);
        access.liveGrantUsed(caller(), enterprise).ifPresent(grant -> AuditTrail.detail(request, "under " + grant));
        ExchangeCommand query = links().sendLiveQuery(enterprise, body.pointIds(), body.reason(), username());
        return Response.accepted(query).build();
    }

    /** The caller's view of live queries sent from this node, newest first, without their results. */
    @GET
    @Path("/queries")
    @Requires(Permission.MONITORING_VIEW)
    public List<ExchangeCommand> liveQueries(@QueryParam("limit") Integer limit) {
        return store.commands(500).stream().filter(c -> LIVE_QUERY.equals(c.type()) && seesLive(c.enterpriseCode()))
                .limit(limit == null ? 50 : Math.max(1, Math.min(500, limit))).toList();
    }

    /** One live query with the values the node below read (once answered). */
    @GET
    @Path("/queries/{id}")
    @Requires(Permission.MONITORING_VIEW)
    public ExchangeCommand liveQuery(@PathParam("id") String id) {
        ExchangeCommand query = store.command(id).filter(c -> LIVE_QUERY.equals(c.type()))
                .orElseThrow(() -> notFound("live query " + id));
        requireSeesLive(query.enterpriseCode());
        return query;
    }

    private void requireSeesLive(String enterprise) {
        if (!seesLive(enterprise)) {
            throw new javax.ws.rs.ForbiddenException("the live data of enterprise " + enterprise
                    + " is not open to you: request access to its county first (实时数据调阅申请)");
        }
    }

    private SecurityCentre centre() {
        SecurityCentre running = centre.get();
        if (running == null) {
            throw new ServiceUnavailableException("this node does not run the security centre (it runs at the national node)");
        }
        return running;
    }

    @GET
    @Path("/authority")
    @Produces("application/x-pem-file")
    @Requires({})
    public String authority() {
        return centre().authorityPem();
    }

    @GET
    @Path("/crl")
    @Produces("application/pkix-crl")
    @Requires({})
    public byte[] revocationList() {
        return centre().revocationList();
    }

    @POST
    @Path("/enrol")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires({})
    public SecurityCentre.Enrolment enrol(EnrolRequest body, @Context HttpServletRequest http) {
        if (body == null) {
            throw new IllegalArgumentException("csr and token are required");
        }
        try {
            SecurityCentre.Enrolment enrolment = centre().enrol(body.csr(), body.token());
            record(http, "exchange.enrol", enrolment.certificate(), "OK", "certificate issued");
            return enrolment;
        } catch (ValidationException refused) {
            record(http, "exchange.enrol", null, "DENIED", refused.getMessage());
            throw refused;
        }
    }

    @POST
    @Path("/renew")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires({})
    public SecurityCentre.Enrolment renew(RenewRequest body, @Context HttpServletRequest http) {
        if (body == null) {
            throw new IllegalArgumentException("csr, currentSerial and signature are required");
        }
        byte[] signature;
        try {
            signature = body.signature() == null ? null : Base64.getDecoder().decode(body.signature().strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldError("signature", "MALFORMED", "not base64")));
        }
        try {
            SecurityCentre.Enrolment enrolment = centre().renew(body.csr(), body.currentSerial(), signature);
            record(http, "exchange.renew", enrolment.certificate(), "OK", "renewal of " + body.currentSerial());
            return enrolment;
        } catch (ValidationException refused) {
            record(http, "exchange.renew", null, "DENIED", refused.getMessage());
            throw refused;
        }
    }

    /** A node's signed heartbeat (public: the signature with its certificate's key authenticates it). */
    @POST
    @Path("/heartbeat")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires({})
    public Response heartbeat(HeartbeatRequest body, @Context HttpServletRequest http) {
        if (body == null) {
            throw new IllegalArgumentException("serial, at and signature are required");
        }
        java.time.Instant at = Params.instant("at", body.at(), null);
        byte[] signature;
        try {
            signature = body.signature() == null ? null : Base64.getDecoder().decode(body.signature().strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldError("signature", "MALFORMED", "not base64")));
        }
        String address = http == null ? body.address() : http.getRemoteAddr() + (body.address() == null ? "" : " (" + body.address() + ")");
        centre().heartbeat(body.serial(), at, signature, address);
        return Response.noContent().build();
    }

    /** Enrolment and renewal have no logged-in caller: the audit entry names the organisation instead. */
    private void record(HttpServletRequest http, String action, NodeCertificate certificate, String outcome, String detail) {
        try {
            audit.append(new AuditEntry.Draft(certificate == null ? "enrolment" : "node:" + certificate.organisationCode(), "security centre",
                    "", http == null ? null : http.getRemoteAddr(), action, "certificate", certificate == null ? null : certificate.serial(),
                    outcome, null, null, detail));
        } catch (RuntimeException e) {
            // the certificate is issued; a failed audit write is reported by the log, it cannot undo the issue
            org.slf4j.LoggerFactory.getLogger(ExchangeResource.class).error("AUDIT WRITE FAILED for {}: {}", action, e.getMessage());
        }
    }

    /** Administration belongs to the national security centre's people. */
    private void requireNational() {
        if (!caller().scope().isAll()) {
            throw new javax.ws.rs.ForbiddenException("the security centre is administered with national scope");
        }
    }

    @GET
    @Path("/certificates")
    public List<NodeCertificate> certificates(@QueryParam("organisation") String organisation) {
        requireNational();
        return centre().certificates(organisation == null || organisation.isBlank() ? null : organisation.strip());
    }

    @POST
    @Path("/certificates/{serial}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = "exchange.revoke", target = "certificate", idParam = "serial")
    public NodeCertificate revoke(@PathParam("serial") String serial, RevokeRequest body) {
        requireNational();
        return Params.changing(() -> centre().revoke(serial, body == null ? null : body.reason(), username()), "no certificate " + serial);
    }

    @GET
    @Path("/tokens")
    public List<EnrolmentToken> tokens() {
        requireNational();
        return centre().tokens();
    }

    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = "exchange.token-create", target = "organisation", idParam = "none")
    public Response createToken(TokenRequest body) {
        requireNational();
        if (body == null) {
            throw new IllegalArgumentException("organisationCode, role and hours are required");
        }
        int hours = body.hours() == null ? 24 : body.hours();
        if (hours < 1 || hours > 720) {
            throw new ValidationException(List.of(new FieldError("hours", "OUT_OF_RANGE", "1-720")));
        }
        SecurityCentre.IssuedToken token = centre().createToken(body.organisationCode(), body.role(), Duration.ofHours(hours), username());
        AuditTrail.target(request, token.details().organisationCode());
        return Response.created(URI.create("exchange/tokens/" + token.details().id())).entity(token).build();
    }

    @GET
    @Path("/nodes")
    public List<NodeStatus> nodes() {
        requireNational();
        return centre().nodes();
    }
}
