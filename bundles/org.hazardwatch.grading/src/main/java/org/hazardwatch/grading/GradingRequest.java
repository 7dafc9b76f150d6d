package org.hazardwatch.grading;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything needed to identify and grade one unit (生产单元 or 储存单元).
 *
 * @param edition edition to grade under; {@code null} means {@link Edition#GB18218_2018}
 * @param exposedPeople number of people (常住人口) outside the plant within 500 m of the plant boundary, for α (Table 5)
 * @param substances the hazardous chemicals in the unit, one entry each (the same substance may appear in several entries,
 *        e.g. one per tank; each counts)
 */
public record GradingRequest(Edition edition, Integer exposedPeople, List<SubstanceEntry> substances) {

    public GradingRequest {
        edition = edition == null ? Edition.GB18218_2018 : edition;
        substances = substances == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(substances));
    }

    public GradingRequest(Integer exposedPeople, List<SubstanceEntry> substances) {
        this(Edition.GB18218_2018, exposedPeople, substances);
    }

    public GradingRequest withEdition(Edition newEdition) {
        return new GradingRequest(newEdition, exposedPeople, substances);
    }
}
