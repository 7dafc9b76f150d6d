package org.hazardwatch.core.internal.edition;

import java.util.Locale;

/** The feature set a node runs, picked by its administrative level. */
public enum Edition {
    ENTERPRISE("hazardwatch-enterprise"),
    COUNTY("hazardwatch-county"),
    REGULATOR("hazardwatch-regulator");

    private final String feature;

    Edition(String feature) {
        this.feature = feature;
    }

    public String feature() {
        return feature;
    }

    /** Maps a level name (enterprise, county, park, city, province, national) to its edition. */
    public static Edition forLevel(String level) {
        String normalized = level == null ? "" : level.strip().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "enterprise" -> ENTERPRISE;
            case "county", "park" -> COUNTY;
            case "city", "province", "national" -> REGULATOR;
            default -> throw new IllegalArgumentException("unknown level '" + level
                    + "'; use enterprise, county, park, city, province or national");
        };
    }
}
