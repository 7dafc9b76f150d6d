package org.hazardwatch.api.hazard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A major hazard source (重大危险源) of an enterprise, made of units.
 *
 * <p>Read-only fields (ignored on input): {@code id}, {@code enterpriseName}, {@code regionCode},
 * {@code derivedAccidentTypes}, {@code deathTollClass}, {@code major}, {@code grade}, timestamps, and each unit's
 * {@code grading}.
 *
 * @param code code unique within the enterprise, e.g. {@code HS-A}; monitoring points name it
 * @param exposedPeople people outside the plant within 500 m of its boundary (α, Table 5)
 * @param accidentTypes accident types it may cause; on input null means "derive from the substances"
 * @param derivedAccidentTypes the accident types the substances' hazards imply
 * @param potentialDeaths potential death toll from its registration documents, or null
 * @param deathTollClass class of {@code potentialDeaths}
 * @param major whether any unit is a major hazard source (S ≥ 1)
 * @param grade the highest grade (lowest number) of its units, or null when none is major
 * @param accidentTypesEdited on output, whether a person set {@code accidentTypes} (else they are the derived ones); on
 *        input {@code false} means "derive", whatever {@code accidentTypes} says, so a read source can be written back
 */
public record HazardSource(Long id, Long enterpriseId, String enterpriseName, String regionCode, String code,
        String name, HazardSourceStatus status, Integer exposedPeople, List<AccidentType> accidentTypes,
        List<AccidentType> derivedAccidentTypes, Integer potentialDeaths, DeathTollClass deathTollClass, boolean major,
        Integer grade, List<HazardUnit> units, Instant createdAt, Instant updatedAt, Boolean accidentTypesEdited) {

    public HazardSource {
        units = units == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(units));
        accidentTypes = accidentTypes == null ? null : Collections.unmodifiableList(new ArrayList<>(accidentTypes));
        derivedAccidentTypes = derivedAccidentTypes == null ? List.of() : List.copyOf(derivedAccidentTypes);
    }

    /** A source without the edited flag: non-null {@code accidentTypes} count as set by a person. */
    public HazardSource(Long id, Long enterpriseId, String enterpriseName, String regionCode, String code, String name,
            HazardSourceStatus status, Integer exposedPeople, List<AccidentType> accidentTypes,
            List<AccidentType> derivedAccidentTypes, Integer potentialDeaths, DeathTollClass deathTollClass, boolean major,
            Integer grade, List<HazardUnit> units, Instant createdAt, Instant updatedAt) {
        this(id, enterpriseId, enterpriseName, regionCode, code, name, status, exposedPeople, accidentTypes,
                derivedAccidentTypes, potentialDeaths, deathTollClass, major, grade, units, createdAt, updatedAt, null);
    }
}
