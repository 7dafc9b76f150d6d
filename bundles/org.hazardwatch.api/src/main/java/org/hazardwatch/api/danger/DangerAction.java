package org.hazardwatch.api.danger;

/** A step of a hidden danger. */
public enum DangerAction {
    /** Arranges the rectification: responsible person and deadline; from the county or park this is the rectification notice. */
    ASSIGN,
    /** The enterprise reports the rectification done, with evidence. */
    REPORT,
    /** Accepts the rectification (验收): closes the hidden danger. */
    ACCEPT,
    /** Refuses the rectification with the reason: back to rectifying. */
    REJECT
}
