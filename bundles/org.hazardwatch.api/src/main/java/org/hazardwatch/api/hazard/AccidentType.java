package org.hazardwatch.api.hazard;

/** Accident types a hazard source may cause (可能引发的事故类型). */
public enum AccidentType {
    FIRE,
    EXPLOSION,
    POISONING
}
