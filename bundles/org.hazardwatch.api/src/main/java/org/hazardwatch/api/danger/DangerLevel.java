package org.hazardwatch.api.danger;

/** 隐患等级. */
public enum DangerLevel {
    /** 一般隐患: the enterprise may arrange and accept the rectification itself. */
    GENERAL,
    /** 重大隐患: the county or park issues the rectification notice and accepts it; needs a governance project. */
    MAJOR
}
