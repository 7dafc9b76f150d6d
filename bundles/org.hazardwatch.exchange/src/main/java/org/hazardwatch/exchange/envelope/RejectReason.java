package org.hazardwatch.exchange.envelope;

/** Why a receiver refused an envelope; logged with the message id and sender. */
public enum RejectReason {
    /** Not JSON, a field missing, of the wrong form or too big. */
    MALFORMED,
    UNSUPPORTED_VERSION,
    /** Addressed to another organisation or encrypted to another certificate of this node. */
    WRONG_RECEIVER,
    /** The sender's certificate is not known here. */
    UNKNOWN_SENDER,
    /** The certificate is not issued to the organisation the message claims to come from. */
    SENDER_MISMATCH,
    /** The certificate was not issued by a trusted authority. */
    CERTIFICATE_UNTRUSTED,
    CERTIFICATE_REVOKED,
    /** The certificate was not valid when the message was created, or is not valid now. */
    CERTIFICATE_EXPIRED,
    BAD_SIGNATURE,
    /** Created further in the future than the allowed clock skew. */
    FROM_THE_FUTURE,
    EXPIRED,
    /** This sender's message id was seen before. */
    REPLAYED,
    /** The keys do not decrypt, the mac does not match, or the payload does not decrypt. */
    DECRYPTION_FAILED
}
