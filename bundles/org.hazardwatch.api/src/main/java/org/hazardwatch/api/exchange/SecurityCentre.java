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

    List<EnrolmentToken> tokens();

    /** Records a heartbeat of a node (its certificate must be active). */
    void heartbeat(String certificateSerial, String address);

    List<NodeStatus> nodes();

    /** Heartbeats older than this show a node offline. */
    Duration ONLINE_WITHIN = Duration.ofMinutes(3);
}
