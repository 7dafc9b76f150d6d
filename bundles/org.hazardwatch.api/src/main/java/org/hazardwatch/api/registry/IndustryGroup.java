package org.hazardwatch.api.registry;

/** The guide's industry groups (requirement B3). */
public enum IndustryGroup {
    FINE_CHEMICALS,
    PETROCHEMICALS,
    COAL_CHEMICALS,
    OTHER
}
