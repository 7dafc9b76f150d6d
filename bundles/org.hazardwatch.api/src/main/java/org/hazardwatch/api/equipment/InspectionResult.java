package org.hazardwatch.api.equipment;

/** The conclusion of an inspection (检验结论). */
public enum InspectionResult {
    /** 符合要求 / 合格: may be used until the next due date. */
    PASS,
    /** 基本符合要求: may be used with the conditions noted. */
    CONDITIONAL,
    /** 不符合要求: must not be used until repaired and inspected again. */
    FAIL
}
