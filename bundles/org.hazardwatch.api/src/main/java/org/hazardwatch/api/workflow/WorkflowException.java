package org.hazardwatch.api.workflow;

/**
 * A workflow action refused: not possible from the record's state ({@link #INVALID_TRANSITION}), or not the caller's to
 * take ({@link #NOT_ALLOWED}). An {@link IllegalStateException}, so the REST layer answers 409 with the message.
 */
public class WorkflowException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public static final String INVALID_TRANSITION = "INVALID_TRANSITION";
    public static final String NOT_ALLOWED = "NOT_ALLOWED";

    private final String code;

    public WorkflowException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
