package org.hazardwatch.core.internal.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EditionTest {

    @Test
    void levelsMapToEditions() {
        assertEquals(Edition.ENTERPRISE, Edition.forLevel("enterprise"));
        assertEquals(Edition.COUNTY, Edition.forLevel(" County "));
        assertEquals(Edition.COUNTY, Edition.forLevel("park"));
        assertEquals(Edition.REGULATOR, Edition.forLevel("city"));
        assertEquals(Edition.REGULATOR, Edition.forLevel("province"));
        assertEquals(Edition.REGULATOR, Edition.forLevel("national"));
        assertEquals("hazardwatch-county", Edition.COUNTY.feature());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Edition.forLevel("village"));
        assertEquals("unknown level 'village'; use enterprise, county, park, city, province or national", e.getMessage());
    }
}
