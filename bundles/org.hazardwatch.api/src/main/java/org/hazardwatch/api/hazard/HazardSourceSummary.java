package org.hazardwatch.api.hazard;

import java.time.Instant;
import java.util.List;

/** A row of the hazard source list. */
public record HazardSourceSummary(long id, long enterpriseId, String enterpriseName, String regionCode, String code,
        String name, HazardSourceStatus status, boolean major, Integer grade, int unitCount,
        List<AccidentType> accidentTypes, DeathTollClass deathTollClass, Instant updatedAt) {

    public HazardSourceSummary {
        accidentTypes = List.copyOf(accidentTypes);
    }
}
