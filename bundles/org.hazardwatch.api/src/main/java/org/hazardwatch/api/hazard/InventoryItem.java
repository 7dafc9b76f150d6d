package org.hazardwatch.api.hazard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A hazardous chemical held in a unit.
 *
 * @param equipmentCode equipment of the unit that holds it, or null when it is held by the unit as a whole
 * @param substance name (GB 18218 Table 1 name, alias, or a local label with {@code hazardCategories})
 * @param cas CAS number, optional
 * @param tableRow GB 18218-2018 Table 1 row, to pick among rows sharing a CAS, or null
 * @param hazardCategories Table 2 hazard symbols (J1…J5, W1.1…W11) of a substance not in Table 1
 * @param tonnes design maximum quantity in tonnes (GB 18218-2018 4.2.2)
 */
public record InventoryItem(String equipmentCode, String substance, String cas, Integer tableRow,
        List<String> hazardCategories, BigDecimal tonnes) {

    public InventoryItem {
        hazardCategories = hazardCategories == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(hazardCategories));
    }
}
