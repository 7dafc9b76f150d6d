package org.hazardwatch.api.disposal;

import java.time.Instant;

/**
 * An emergency plan (应急预案) of an enterprise, attached to one of its hazard sources or to the whole enterprise.
 *
 * @param id database id, {@code null} before it is stored
 * @param enterpriseCode the enterprise (USCC)
 * @param hazardSourceCode the hazard source it covers, or {@code null} for the whole enterprise
 * @param title its title
 * @param level 综合预案, 专项预案 or 现场处置方案
 * @param steps the response steps, one per line
 * @param documentRef where the full document is kept (file number, link), or {@code null}
 */
public record EmergencyPlan(Long id, String enterpriseCode, String hazardSourceCode, String title, PlanLevel level,
        String steps, String documentRef, Instant updatedAt, String updatedBy) {

    /** The three kinds of plan of AQ/T 9002 / GB/T 29639. */
    public enum PlanLevel {
        /** 综合应急预案. */
        COMPREHENSIVE,
        /** 专项应急预案. */
        SPECIAL,
        /** 现场处置方案. */
        ON_SITE
    }
}
