package org.hazardwatch.api.equipment;

/**
 * Kinds of equipment under periodic inspection, with the usual interval in months (the rule that sets it in brackets);
 * an enterprise may set a shorter one per piece.
 */
public enum InspectedKind {
    /** 压力容器 (TSG 21: periodic inspection at most every 3 years for safety class 1-2 vessels). */
    PRESSURE_VESSEL(36),
    /** 压力管道 (TSG D7005: at most every 3 years for GC1/GC2 piping). */
    PRESSURE_PIPING(36),
    /** 安全阀 (TSG ZF001: set-pressure check at least once a year). */
    SAFETY_VALVE(12),
    /** 可燃/有毒气体检测器 (JJG 693 / JJG 915: verification once a year). */
    GAS_DETECTOR(12),
    /** 压力表 (JJG 52: verification every six months). */
    PRESSURE_GAUGE(6),
    /** 防雷防静电接地 (GB/T 32937: every six months in explosion hazard areas). */
    LIGHTNING_PROTECTION(6),
    /** 起重机械 (TSG Q7015: every 2 years for most cranes). */
    LIFTING(24),
    /** Anything else, with its own interval. */
    OTHER(12);

    private final int defaultIntervalMonths;

    InspectedKind(int defaultIntervalMonths) {
        this.defaultIntervalMonths = defaultIntervalMonths;
    }

    public int defaultIntervalMonths() {
        return defaultIntervalMonths;
    }
}
