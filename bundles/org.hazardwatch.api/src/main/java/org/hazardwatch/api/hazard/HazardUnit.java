package org.hazardwatch.api.hazard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A production or storage unit of a hazard source.
 *
 * @param code code unique within the hazard source, e.g. {@code U1}
 * @param grading outcome of the latest GB 18218-2018 grading (read only; null on input)
 */
public record HazardUnit(String code, String name, UnitKind kind, List<Equipment> equipment,
        List<InventoryItem> inventory, GradingOutcome grading) {

    public HazardUnit {
        equipment = equipment == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(equipment));
        inventory = inventory == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(inventory));
    }
}
