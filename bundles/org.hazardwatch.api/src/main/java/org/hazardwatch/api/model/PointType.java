package org.hazardwatch.api.model;

import java.util.Locale;

/**
 * Kind of safety parameter a monitoring point measures (guide section C1), with the national point type code used in
 * the data exchange between levels.
 */
public enum PointType {
    /** 液位. */
    LEVEL("YW"),
    /** 温度. */
    TEMPERATURE("WD"),
    /** 压力. */
    PRESSURE("YL"),
    /** 流量. */
    FLOW("LL"),
    /** Combustible gas concentration, in %LEL (可燃气体). */
    COMBUSTIBLE_GAS("KRQT"),
    /** Toxic gas concentration, usually in ppm (有毒气体). */
    TOXIC_GAS("YDQT"),
    /** 其他. */
    OTHER("QT");

    private final String nationalCode;

    PointType(String nationalCode) {
        this.nationalCode = nationalCode;
    }

    /** The national point type code: WD, YL, YW, LL, KRQT, YDQT or QT. */
    public String nationalCode() {
        return nationalCode;
    }

    /** The type of a name ({@code LEVEL}) or national code ({@code YW}), in any case; throws for anything else. */
    public static PointType parse(String text) {
        String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (PointType type : values()) {
            if (type.name().equals(key) || type.nationalCode.equals(key)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown point type '" + text + "' (one of LEVEL/YW, TEMPERATURE/WD, "
                + "PRESSURE/YL, FLOW/LL, COMBUSTIBLE_GAS/KRQT, TOXIC_GAS/YDQT, OTHER/QT)");
    }
}
