package org.hazardwatch.grading;

import java.util.List;

/**
 * A request that cannot be graded. Names the offending entry (its index in {@code substances} and its name/CAS) and
 * field, so a REST layer can answer 400 with a precise message.
 */
public class GradingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the request was refused. */
    public enum Reason {
        /** The request as a whole is unusable (no substances, missing exposed-people count). */
        INVALID_REQUEST,
        /** An entry has no quantity. */
        MISSING_QUANTITY,
        /** A value is malformed or out of range (negative tonnes, bad CAS check digit, unknown hazard symbol, …). */
        INVALID_VALUE,
        /** An entry has neither name, CAS nor table row. */
        MISSING_IDENTIFICATION,
        /** Not in Table 1 by name or CAS, and no Table 2 hazard category given. */
        UNKNOWN_SUBSTANCE,
        /** Name and CAS (or table row) point to different Table 1 rows. */
        NAME_CAS_MISMATCH,
        /** Several Table 1 rows match (rows sharing a CAS such as 硝化纤维素); {@code tableRow} must pick one. */
        AMBIGUOUS_TABLE_ROW,
        /** β cannot be determined: the substance is not in Table 3 and no (suitable) hazard category was given. */
        MISSING_CLASSIFICATION
    }

    private final Reason reason;
    private final Integer entryIndex;
    private final String entry;
    private final String field;
    private final List<TableRef> candidates;

    /**
     * @param reason why
     * @param entryIndex index in {@code substances}, or {@code null} for a request-level problem
     * @param entry the entry's name/CAS, or {@code null}
     * @param field the offending field ({@code "tonnes"}, {@code "cas"}, {@code "tableRow"}, {@code "exposedPeople"}, …)
     * @param detail what is wrong
     * @param candidates Table 1 rows to choose from (for {@link Reason#AMBIGUOUS_TABLE_ROW}), else empty
     */
    public GradingException(Reason reason, Integer entryIndex, String entry, String field, String detail,
            List<TableRef> candidates) {
        super(message(entryIndex, entry, field, detail));
        this.reason = reason;
        this.entryIndex = entryIndex;
        this.entry = entry;
        this.field = field;
        this.candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    private static String message(Integer entryIndex, String entry, String field, String detail) {
        StringBuilder b = new StringBuilder();
        if (entryIndex != null) {
            b.append("substances[").append(entryIndex).append(']');
            if (entry != null) {
                b.append(" (").append(entry).append(')');
            }
            if (field != null) {
                b.append('.').append(field);
            }
        } else if (field != null) {
            b.append(field);
        }
        return b.append(": ").append(detail).toString();
    }

    public Reason reason() {
        return reason;
    }

    /** Index of the offending entry in {@code substances}, or {@code null} for a request-level problem. */
    public Integer entryIndex() {
        return entryIndex;
    }

    /** The offending entry's name and/or CAS as given, or {@code null}. */
    public String entry() {
        return entry;
    }

    /** The offending field. */
    public String field() {
        return field;
    }

    /** Table 1 rows the caller can pick from with {@code tableRow} (ambiguous matches), else empty. */
    public List<TableRef> candidates() {
        return candidates;
    }
}
