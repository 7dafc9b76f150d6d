package org.hazardwatch.api.exchange;

import java.time.Duration;
import java.util.List;

/**
 * The national security centre's certificate authority (requirement I3): SM2 certificates for nodes and collectors,
 * issued against a certification request and a one-time token, renewed, revoked and listed in a signed revocation
 * list; and the registry of nodes with their heartbeats.
 */
public interface SecurityCentre {

    /** A token created for an organisation; {@code token} is shown this once. */
    record IssuedToken(String token, EnrolmentToken details) {
    }

    /** What an enrolling node receives: its certificate and the authority's, both PEM. */
    record Enrolment(NodeCertificate certificate, String authorityPem) {
    }

    String authorityPem();

    IssuedToken createToken(String organisationCode, String role, Duration validity, String createdBy);

    /**
     * Issues a certificate for a PKCS#10 request (PEM, SM2 key, signed SM3withSM2) against a one-time token. The request's
     * subject CN must be the token's organisation code.
     *
     * @throws org.hazardwatch.api.registry.ValidationException naming what is wrong (token, request, key)
     */
    Enrolment enrol(String csrPem, String token);

    /**
     * Renews a certificate before it expires: the request must carry the same organisation code, and be accompanied by
     * a signature of the request with the current, still valid, certificate's key.
     */
    Enrolment renew(String csrPem, String currentSerial, byte[] signatureWithCurrentKey);

    NodeCertificate revoke(String serial, String reason, String by);

    /** The revocation list, DER, signed SM3withSM2 by the authority. */
    byte[] revocationList();

    List<NodeCertificate> certificates(String organisationCode);

    /** One certificate by its serial number (lower-case hex), with its status as of now. */
    java.util.Optional<NodeCertificate> certificate(String serial);

    List<EnrolmentToken> tokens();

    /**
     * Records a heartbeat of a node. It proves itself with an SM2 signature (SM3, default ID) of
     * {@link #heartbeatText} made with the key of its active certificate, sent within 5 minutes of {@code sentAt}.
     *
     * @throws org.hazardwatch.api.registry.ValidationException when the certificate, the time or the signature is wrong
     */
    void heartbeat(String certificateSerial, java.time.Instant sentAt, byte[] signature, String address);

    /** What a heartbeat signs. */
    static String heartbeatText(String certificateSerial, java.time.Instant sentAt) {
        return "HW-HEARTBEAT/1\nserial=" + certificateSerial + "\nat=" + sentAt + "\n";
    }

    List<NodeStatus> nodes();

    /** Heartbeats older than this show a node offline. */
    Duration ONLINE_WITHIN = Duration.ofMinutes(3);
}
