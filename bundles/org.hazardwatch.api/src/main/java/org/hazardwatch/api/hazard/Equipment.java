package org.hazardwatch.api.hazard;

import java.math.BigDecimal;

/**
 * A piece of equipment of a unit: tank, reactor, warehouse.
 *
 * @param code code unique within the hazard source, e.g. {@code T101}; monitoring points name it
 * @param name name as the plant labels it
 * @param kind what it is
 * @param designCapacity design capacity (m³ for tanks and vessels, m² for warehouses), or null
 */
public record Equipment(String code, String name, EquipmentKind kind, BigDecimal designCapacity) {
}
