package org.hazardwatch.api.danger;

import java.time.Instant;
import java.util.List;

/**
 * An investigation (排查活动): who checks which enterprise against which checklist, when; done with its result and the
 * hidden dangers it found.
 *
 * @param kind SELF (企业自查) or SUPERVISION (监管检查)
 * @param status PLANNED or DONE
 * @param dangerCount hidden dangers recorded against it
 */
public record Inspection(long id, String uscc, String enterpriseName, String regionCode, String kind, String title, List<String> checklist,
        String inspector, Instant plannedAt, String status, Instant doneAt, String result, int dangerCount, String createdBy, Instant createdAt) {

    public Inspection {
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
    }
}
