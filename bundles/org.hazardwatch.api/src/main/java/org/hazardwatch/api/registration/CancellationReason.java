package org.hazardwatch.api.registration;

/** Why a major hazard source is cancelled (注销原因). */
public enum CancellationReason {
    /** No longer a major hazard source after a change of process, equipment or quantities: a new identification report shows it. */
    NO_LONGER_MAJOR("经重新辨识不再构成重大危险源"),
    /** The installation was shut down or demolished (停产、拆除). */
    CLOSED("装置停产或拆除"),
    /** The enterprise moved or closed (搬迁、关闭). */
    ENTERPRISE_CLOSED("企业关闭或搬迁"),
    /** Anything else, explained in the application. */
    OTHER("其他");

    private final String label;

    CancellationReason(String label) {
        this.label = label;
    }

    /** The reason in Chinese, as notices print it. */
    public String label() {
        return label;
    }
}
