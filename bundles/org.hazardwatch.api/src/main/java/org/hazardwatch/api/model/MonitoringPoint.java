package org.hazardwatch.api.model;

import java.util.Objects;

/**
 * A monitored safety parameter of a plant: one sensor channel with its engineering range and the simple
 * alarm limits used until the full alarm engine exists.
 *
 * @param id stable identifier, used in the REST API and in adapter point mappings
 * @param name human readable name (usually Chinese, as the plant labels it)
 * @param type measured quantity
 * @param unit engineering unit, e.g. {@code m}, {@code °C}, {@code MPa}, {@code %LEL}, {@code ppm}
 * @param rangeLow lower end of the instrument's engineering range
 * @param rangeHigh upper end of the instrument's engineering range
 * @param alarmLow low alarm limit, or {@code null} for none
 * @param alarmHigh high alarm limit, or {@code null} for none
 * @param area plant area (e.g. a tank area) used for grouping on screens
 * @param enterpriseCode enterprise the point belongs to (unified social credit code or local code)
 * @param hazardSourceCode major hazard source the point monitors, or {@code null}
 * @param equipmentCode equipment of that hazard source the point measures (tank, reactor), or {@code null}
 */
public record MonitoringPoint(String id, String name, PointType type, String unit, double rangeLow, double rangeHigh,
        Double alarmLow, Double alarmHigh, String area, String enterpriseCode, String hazardSourceCode, String equipmentCode) {

    public MonitoringPoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        if (id.isBlank() || id.length() > 64 || !id.matches("[A-Za-z0-9_.:-]+")) {
            throw new IllegalArgumentException("point id must be 1-64 characters of A-Z a-z 0-9 _ . : - but was '" + id + "'");
        }
        if (!(rangeLow < rangeHigh)) {
            throw new IllegalArgumentException("point " + id + ": rangeLow " + rangeLow + " must be below rangeHigh " + rangeHigh);
        }
        if (alarmLow != null && alarmHigh != null && !(alarmLow < alarmHigh)) {
            throw new IllegalArgumentException("point " + id + ": alarmLow " + alarmLow + " must be below alarmHigh " + alarmHigh);
        }
    }

    /** A point not attached to equipment. */
    public MonitoringPoint(String id, String name, PointType type, String unit, double rangeLow, double rangeHigh,
            Double alarmLow, Double alarmHigh, String area, String enterpriseCode, String hazardSourceCode) {
        this(id, name, type, unit, rangeLow, rangeHigh, alarmLow, alarmHigh, area, enterpriseCode, hazardSourceCode, null);
    }
}
