package org.hazardwatch.exchange.envelope;

/** An envelope was refused; {@link #reason()} says why in a form the message log can count. */
public class EnvelopeRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final RejectReason reason;

    public EnvelopeRejectedException(RejectReason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
