package org.hazardwatch.api.alarm;

/**
 * A toxic gas of the GB/T 50493-2019 check table, with its limits.
 *
 * @param cas CAS registry number, the key
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param formula chemical formula
 * @param molarMass g/mol, for converting between mg/m3 and ppm
 * @param oelBasis which GBZ 2.1-2019 limit is the OEL: MAC, PC-STEL or PC-TWA
 * @param oelMgM3 the OEL in mg/m3, or {@code null} when none is set
 * @param idlhMgM3 NIOSH IDLH in mg/m3, or {@code null}
 * @param idlhPpm NIOSH IDLH in ppm as published, or {@code null}
 */
public record ToxicGas(String cas, String nameZh, String nameEn, String formula, double molarMass, String oelBasis,
        Double oelMgM3, Double idlhMgM3, Double idlhPpm) {
}
