package org.hazardwatch.api.store;

/** A sample names a monitoring point that is not defined. */
public class UnknownPointException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String pointId;

    public UnknownPointException(String pointId) {
        super("unknown monitoring point '" + pointId + "'");
        this.pointId = pointId;
    }

    public String pointId() {
        return pointId;
    }
}
