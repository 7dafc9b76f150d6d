package org.hazardwatch.api.warning;

/** The four risk colours of Chinese safety practice (红橙黄蓝). */
public enum RiskLevel {
    /** 红色: major risk, act now. */
    RED,
    /** 橙色: high risk. */
    ORANGE,
    /** 黄色: moderate risk. */
    YELLOW,
    /** 蓝色: low risk, normal operation. */
    BLUE
}
