package org.hazardwatch.simulator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes the plant's values over time: base value + slow sinusoidal drift + Gaussian noise, clamped to the
 * instrument range; now and then (on average every {@code excursionEverySeconds}) one instrument ramps past its
 * alarm limit, holds there and returns, like a real process upset. Forced values (hazardwatch:sim-set) override
 * everything until released. Thread-safe.
 */
public class PlantSimulator {

    private static final double RAMP_SECONDS = 20;
    private static final double HOLD_SECONDS = 40;

    private final Map<String, SimPoint> points = new LinkedHashMap<>();
    private final Map<String, Double> forced = new ConcurrentHashMap<>();
    private final Random random;
    private final double excursionEverySeconds;
    private Excursion excursion;

    private record Excursion(SimPoint point, double startSeconds) {
    }

    public PlantSimulator(List<SimPoint> plant, long seed, double excursionEverySeconds) {
        plant.forEach(point -> points.put(point.id(), point));
        this.random = new Random(seed);
        this.excursionEverySeconds = excursionEverySeconds;
    }

    public List<SimPoint> points() {
        return List.copyOf(points.values());
    }

    public Optional<SimPoint> point(String id) {
        return Optional.ofNullable(points.get(id));
    }

    /** Holds a point at a value until {@link #release(String)}. */
    public void force(String id, double value) {
        SimPoint point = points.get(id);
        if (point == null) {
            throw new IllegalArgumentException("the simulator has no point '" + id + "'; known: " + points.keySet());
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be a finite number");
        }
        forced.put(id, value);
    }

    public boolean release(String id) {
        return forced.remove(id) != null;
    }

    public Map<String, Double> forcedValues() {
        return Map.copyOf(forced);
    }

    /** Values of every point at {@code seconds} since the simulation epoch; call with increasing times. */
    public synchronized Map<String, Double> tick(double seconds, double tickSeconds) {
        if (excursion == null && excursionEverySeconds > 0 && random.nextDouble() < tickSeconds / excursionEverySeconds) {
            List<SimPoint> candidates = points.values().stream()
                    .filter(p -> p.alarmHigh() != null || p.alarmLow() != null).toList();
            excursion = new Excursion(candidates.get(random.nextInt(candidates.size())), seconds);
        }
        if (excursion != null && seconds - excursion.startSeconds() > 2 * RAMP_SECONDS + HOLD_SECONDS) {
            excursion = null;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (SimPoint point : points.values()) {
            Double force = forced.get(point.id());
            if (force != null) {
                values.put(point.id(), force);
                continue;
            }
            double normal = point.base() + point.swing() * Math.sin(2 * Math.PI * seconds / point.periodSeconds())
                    + random.nextGaussian() * point.noise();
            double value = normal;
            if (excursion != null && excursion.point().id().equals(point.id())) {
                double weight = excursionWeight(seconds - excursion.startSeconds());
                value = normal + (point.excursionTarget() - normal) * weight;
            }
            values.put(point.id(), Math.max(point.rangeLow(), Math.min(point.rangeHigh(), value)));
        }
        return values;
    }

    /** 0 -> 1 over the ramp, 1 while holding, 1 -> 0 over the return ramp. */
    static double excursionWeight(double elapsed) {
        if (elapsed < RAMP_SECONDS) {
            return elapsed / RAMP_SECONDS;
        }
        if (elapsed < RAMP_SECONDS + HOLD_SECONDS) {
            return 1;
        }
        return Math.max(0, 1 - (elapsed - RAMP_SECONDS - HOLD_SECONDS) / RAMP_SECONDS);
    }
}
