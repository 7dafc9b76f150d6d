package org.hazardwatch.api.hazard;

/** What a piece of equipment of a unit is. */
public enum EquipmentKind {
    TANK,
    SPHERICAL_TANK,
    REACTOR,
    TOWER,
    VESSEL,
    WAREHOUSE,
    PIPELINE,
    OTHER
}
