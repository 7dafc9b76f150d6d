package org.hazardwatch.api.accident;

import java.math.BigDecimal;
import java.time.Instant;

import org.hazardwatch.api.hazard.DeathTollClass;

/**
 * One accident of the register.
 *
 * @param uscc the enterprise's code, or null for one that was never registered (historical records)
 * @param regionCode the county the enterprise is in
 * @param hazardSourceCode the major hazard source involved, or null
 * @param directLossWan direct economic loss in 10,000 yuan (万元), or null when not known
 * @param sourceDocument where the record comes from: an investigation report, a bulletin (number, title)
 * @param voided entered in error: kept with the reason, left out of every statistic
 * @param originNode the node it was entered at when it came from below (read-only here); null: entered here
 * @param revision grows with every change, so an older copy arriving late is ignored above
 */
public record Accident(String id, Instant occurredAt, String uscc, String enterpriseName, String regionCode, String parkCode, String industryCode,
        String hazardSourceCode, AccidentKind kind, int deaths, int injuries, BigDecimal directLossWan, String description,
        String sourceDocument, boolean voided, Instant voidedAt, String voidReason, String recordedBy, Instant recordedAt, String updatedBy,
        Instant updatedAt, int revision, String originNode) {

    /** The death-toll class (0-9, 10-29, 30-99, 100+). */
    public DeathTollClass deathTollClass() {
        return DeathTollClass.of(deaths);
    }

    /** Whether it is edited at this node (not a copy of a lower node's record). */
    public boolean local() {
        return originNode == null;
    }
}
