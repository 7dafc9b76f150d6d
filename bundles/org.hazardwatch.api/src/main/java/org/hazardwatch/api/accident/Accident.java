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
 * @param deathTollClass the class of {@code deaths} (0-9, 10-29, 30-99, 100+); derived, whatever is passed
 * @param local whether it is edited at this node (not a copy of a lower node's record); derived from {@code originNode}
 */
public record Accident(String id, Instant occurredAt, String uscc, String enterpriseName, String regionCode, String parkCode, String industryCode,
        String hazardSourceCode, AccidentKind kind, int deaths, int injuries, BigDecimal directLossWan, String description,
        String sourceDocument, boolean voided, Instant voidedAt, String voidReason, String recordedBy, Instant recordedAt, String updatedBy,
        Instant updatedAt, int revision, String originNode, DeathTollClass deathTollClass, boolean local) {

    /** Derived parts are components so that they travel in every JSON answer. */
    public Accident {
        deathTollClass = DeathTollClass.of(deaths);
        local = originNode == null;
    }

    public Accident(String id, Instant occurredAt, String uscc, String enterpriseName, String regionCode, String parkCode, String industryCode,
            String hazardSourceCode, AccidentKind kind, int deaths, int injuries, BigDecimal directLossWan, String description,
            String sourceDocument, boolean voided, Instant voidedAt, String voidReason, String recordedBy, Instant recordedAt, String updatedBy,
            Instant updatedAt, int revision, String originNode) {
        this(id, occurredAt, uscc, enterpriseName, regionCode, parkCode, industryCode, hazardSourceCode, kind, deaths, injuries, directLossWan,
                description, sourceDocument, voided, voidedAt, voidReason, recordedBy, recordedAt, updatedBy, updatedAt, revision, originNode, null,
                false);
    }
}
