package org.hazardwatch.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Shorthands for the worked cases. */
final class Cases {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T08:00:00Z"), ZoneOffset.UTC);
    static final Gb18218Grader GRADER = Gb18218Grader.create(CLOCK);

    private Cases() {
    }

    static BigDecimal t(String tonnes) {
        return new BigDecimal(tonnes);
    }

    /** A substance by name. */
    static SubstanceEntry n(String name, String tonnes) {
        return SubstanceEntry.named(name, t(tonnes));
    }

    /** A substance by CAS. */
    static SubstanceEntry c(String cas, String tonnes) {
        return SubstanceEntry.byCas(cas, t(tonnes));
    }

    static GradingResult grade(int people, SubstanceEntry... entries) {
        return GRADER.grade(new GradingRequest(Edition.GB18218_2018, people, List.of(entries)));
    }

    static GradingResult grade2009(int people, SubstanceEntry... entries) {
        return GRADER.grade(new GradingRequest(Edition.GB18218_2009, people, List.of(entries)));
    }

    static GradingException refused(int people, SubstanceEntry... entries) {
        return assertThrows(GradingException.class, () -> grade(people, entries));
    }

    static GradingException refused2009(int people, SubstanceEntry... entries) {
        return assertThrows(GradingException.class, () -> grade2009(people, entries));
    }

    /** Compares decimals by value (0.5 equals 0.50). */
    static void assertValue(String expected, BigDecimal actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": expected " + expected + " but was "
                + (actual == null ? null : actual.toPlainString()));
    }

    static void assertValue(String expected, BigDecimal actual) {
        assertValue(expected, actual, "value");
    }

    /** Asserts major/S/R/grade of a result; r and grade null when not major. */
    static void assertGrading(GradingResult r, String sExact, boolean major, String rExact, Integer grade) {
        assertEquals(sExact, r.sExact(), "S");
        assertEquals(major, r.major(), "major");
        assertEquals(rExact, r.rExact(), "R");
        assertEquals(grade, r.grade(), "grade");
    }
}
