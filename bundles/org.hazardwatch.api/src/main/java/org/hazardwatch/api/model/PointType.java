package org.hazardwatch.api.model;

/** Kind of safety parameter a monitoring point measures (guide section C1). */
public enum PointType {
    LEVEL,
    TEMPERATURE,
    PRESSURE,
    FLOW,
    /** Combustible gas concentration, in %LEL. */
    COMBUSTIBLE_GAS,
    /** Toxic gas concentration, usually in ppm. */
    TOXIC_GAS,
    OTHER
}
