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
import org.hazardwatch.api.exchange.NodeCertificate;
import org.hazardwatch.api.exchange.NodeStatus;
import org.hazardwatch.api.exchange.SecurityCentre;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.Permission;

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

    private final Supplier<SecurityCentre> centre;
    private final AuditLog audit;

    public ExchangeResource(Supplier<SecurityCentre> centre, AuditLog audit, AccessControl access) {
        super(access);
        this.centre = centre;
        this.audit = audit;
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
