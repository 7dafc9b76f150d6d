package org.hazardwatch.api.hazard;

/** Class of the potential death toll of an accident at a hazard source (可能造成的死亡人数). */
public enum DeathTollClass {
    /** 0 to 9 people. */
    UNDER_10(0, 9),
    /** 10 to 29 people. */
    FROM_10_TO_29(10, 29),
    /** 30 to 99 people. */
    FROM_30_TO_99(30, 99),
    /** 100 people or more. */
    FROM_100(100, Integer.MAX_VALUE);

    private final int min;
    private final int max;

    DeathTollClass(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** The class of a death toll; {@code null} for {@code null}. Throws for a negative toll. */
    public static DeathTollClass of(Integer deaths) {
        if (deaths == null) {
            return null;
        }
        if (deaths < 0) {
            throw new IllegalArgumentException("a death toll cannot be negative: " + deaths);
        }
        for (DeathTollClass c : values()) {
            if (deaths <= c.max) {
                return c;
            }
        }
        throw new AssertionError(deaths);
    }
}
