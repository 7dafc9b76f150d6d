package org.hazardwatch.simulator.internal;

/**
 * One simulated instrument: its identity (as in the point catalogue) and how its value behaves.
 *
 * @param base normal operating value
 * @param noise standard deviation of the measurement noise
 * @param swing amplitude of the slow process drift around the base (e.g. a tank filling and emptying)
 * @param periodSeconds period of that drift
 */
public record SimPoint(String id, String name, String type, String unit, double rangeLow, double rangeHigh,
        Double alarmLow, Double alarmHigh, String area, double base, double noise, double swing, double periodSeconds) {

    /** A value just past the alarm limit this instrument would cross in an excursion. */
    public double excursionTarget() {
        if (alarmHigh != null) {
            return Math.min(rangeHigh, alarmHigh + (alarmHigh - base) * 0.15 + noise * 3);
        }
        return Math.max(rangeLow, alarmLow - (base - alarmLow) * 0.15 - noise * 3);
    }
}
