package org.hazardwatch.api.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the security centre keeps certificates, enrolment tokens and heartbeats (the node's database). */
public interface CertificateRegistry {

    void saveCertificate(NodeCertificate certificate);

    Optional<NodeCertificate> certificate(String serial);

    /** Certificates, newest first; of one organisation when the code is given. */
    List<NodeCertificate> certificates(String organisationCode);

    /** Marks a certificate revoked; false when there is no such certificate or it was revoked already. */
    boolean revoke(String serial, String reason, Instant at);

    /** Every revoked certificate, for the revocation list. */
    List<NodeCertificate> revoked();

    void saveToken(String tokenHash, EnrolmentToken token);

    /** A token by the hash of its value, used or not. */
    Optional<EnrolmentToken> token(String tokenHash);

    /**
     * Uses a token once: the token when it exists, is unused and unexpired (it is then marked used for
     * {@code certificateSerial}); empty otherwise. Atomic across nodes sharing the database.
     */
    Optional<EnrolmentToken> useToken(String tokenHash, Instant now, String certificateSerial);

    /** Tokens, newest first. */
    List<EnrolmentToken> tokens();

    void heartbeat(String organisationCode, String certificateSerial, String address, Instant at);

    /** Every organisation holding a certificate, with its newest active certificate and its last heartbeat. */
    List<NodeStatus> nodes(Instant now, Duration onlineWithin);
}
