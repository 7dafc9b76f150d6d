package org.hazardwatch.grading;

/** Accident types a hazardous chemical can cause, as HazardWatch derives them from its hazard classes. */
public enum AccidentHazard {
    FIRE,
    EXPLOSION,
    POISONING
}
