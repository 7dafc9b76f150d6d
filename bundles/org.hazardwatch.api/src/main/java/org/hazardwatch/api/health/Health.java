package org.hazardwatch.api.health;

/** Result of one health check: a status and a short human readable detail. */
public record Health(HealthStatus status, String detail) {

    public static Health up(String detail) {
        return new Health(HealthStatus.UP, detail);
    }

    public static Health down(String detail) {
        return new Health(HealthStatus.DOWN, detail);
    }
}
