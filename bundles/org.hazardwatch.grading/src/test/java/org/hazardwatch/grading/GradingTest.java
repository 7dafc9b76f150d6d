package org.hazardwatch.grading;

import static org.hazardwatch.grading.Cases.assertGrading;
import static org.hazardwatch.grading.Cases.assertValue;
import static org.hazardwatch.grading.Cases.grade;
import static org.hazardwatch.grading.Cases.n;
import static org.hazardwatch.grading.Cases.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;

import org.hazardwatch.grading.GradingException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Grading (4.3): β (Tables 3, 4), α (Table 5), R (formula (2)) and the grade (Table 6), boundaries included. */
class GradingTest {

    @Test
    void workedExampleOfAStorageUnit() {
        // 液氯 20 t: row 12, Q 5 → q/Q 4; Table 3 β 4 → 16
        // 液化石油气 100 t: row 52, Q 50 → 2; not in Table 3, W2 → Table 4 β 1.5 → 3
        // 甲醇 250 t: row 65, Q 500 → 0.5; W5.3 → β 1 → 0.5
        // S = 4 + 2 + 0.5 = 6.5 ≥ 1; Σβq/Q = 19.5; 75 people → α 1.5 (50~99); R = 29.25 → 三级 (50 > R ≥ 10)
        GradingResult r = grade(75, n("液氯", "20"), n("液化石油气", "100").withHazardCategories("W2"),
                n("甲醇", "250").withHazardCategories("W5.3"));
        assertGrading(r, "6.5", true, "29.25", 3);
        assertEquals("19.5", r.weightedSumExact());
        assertValue("1.5", r.alpha());
        assertEquals("50人～99人", r.alphaSource().row());
        assertEquals("三级", r.gradeSource().row());
        assertEquals("50>R≥10", r.gradeSource().text());
        GradingLine chlorine = r.lines().get(0);
        assertEquals("GB 18218-2018 表3", chlorine.betaSource().table());
        assertValue("4", chlorine.beta());
        assertEquals("16", chlorine.weightedExact());
        assertValue("1.5", r.lines().get(1).beta());
    }

    @ParameterizedTest(name = "氯 {0} t, 1 person: R = {1} → grade {2}")
    @CsvSource({
            // 氯: Q 5, β 4; 1 person → α 1.0; R = 1.0 × 4 × q/5 = 0.8 q
            "12.5,     10,      3", // R = 10 exactly → 三级 (R ≥ 10)
            "12.4999,  9.99992, 4", // just below 10 → 四级
            "62.5,     50,      2", // R = 50 exactly → 二级
            "62.4999,  49.99992, 3",
            "125,      100,     1", // R = 100 exactly → 一级
            "124.9999, 99.99992, 2",
            "1250,     1000,    1" })
    void gradeBoundariesAreInclusiveBelow(String tonnes, String r, int grade) {
        GradingResult result = grade(1, n("氯", tonnes));
        assertTrue(result.major());
        assertEquals(r, result.rExact());
        assertEquals(grade, result.grade());
    }

    @Test
    void rExactlyFiftyFromNonTerminatingQuotientsIsGradeTwo() {
        // 光气 (碳酰氯) 0.625 t, Q 0.3: q/Q = 25/12; β 20 → 125/3; 40 people → α 1.2 → R = 6/5 × 125/3 = 50 → 二级
        GradingResult r = grade(40, n("光气", "0.625"));
        assertGrading(r, "25/12", true, "50", 2);
        assertEquals("125/3", r.weightedSumExact());
        // the same sum with DECIMAL128 rounding at each step comes out below 50 (→ 三级): the trap this avoids
        BigDecimal naive = new BigDecimal("0.625").divide(new BigDecimal("0.3"), MathContext.DECIMAL128)
                .multiply(new BigDecimal("20"), MathContext.DECIMAL128)
                .multiply(new BigDecimal("1.2"), MathContext.DECIMAL128);
        assertTrue(naive.compareTo(new BigDecimal("50")) < 0, naive.toPlainString());
        // 0.6249 t: R = 1.2 × 20 × 0.6249 / 0.3 = 49.992 → 三级
        assertGrading(grade(40, n("光气", "0.6249")), "2.083", true, "49.992", 3);
    }

    @ParameterizedTest(name = "{0} people → α {1}")
    @CsvSource({ "0, 0.5", "1, 1.0", "29, 1.0", "30, 1.2", "49, 1.2", "50, 1.5", "99, 1.5", "100, 2.0", "101, 2.0",
            "100000, 2.0" })
    void alphaByPeopleOutsideThePlant(int people, String alpha) {
        GradingResult r = grade(people, n("氯", "5"));
        assertValue(alpha, r.alpha(), "α");
        // S = 1, Σβq/Q = 4 → R = 4α
        assertEquals(0, r.r().compareTo(new BigDecimal(alpha).multiply(new BigDecimal("4"))));
    }

    @Test
    void alphaAtExactlyOneHundredPeopleIsTwo() {
        // 「100人以上」 includes 100 (the row below ends at 99). 氯 6.25 t: q/Q = 1.25, β 4 → Σ = 5
        // 99 people: α 1.5 → R = 7.5 → 四级; 100 people: α 2.0 → R = 10 → 三级.
        // A reading of 「100人以上」 as "more than 100" would leave 100 people at α 1.5 and grade 四级.
        GradingResult at99 = grade(99, n("氯", "6.25"));
        GradingResult at100 = grade(100, n("氯", "6.25"));
        assertGrading(at99, "1.25", true, "7.5", 4);
        assertGrading(at100, "1.25", true, "10", 3);
        assertEquals("100人以上", at100.alphaSource().row());
        assertEquals("50人～99人", at99.alphaSource().row());
    }

    @Test
    void betaFromTable3WinsOverTable4() {
        // 氨 20 t: row 1, Q 10 → 2; Table 3 β 2 even though W2 (β 1.5) and J3 (β 2) are given; 0 people → 0.5
        // R = 0.5 × 2 × 2 = 2 → 四级
        GradingResult r = grade(0, n("液氨", "20").withHazardCategories("W2", "J3"));
        assertGrading(r, "2", true, "2", 4);
        assertEquals("GB 18218-2018 表3", r.lines().get(0).betaSource().table());
        assertEquals("氨", r.lines().get(0).betaSource().row());
    }

    @Test
    void everyTable3GasCarriesItsBeta() {
        String[][] gases = { { "二氧化硫", "2" }, { "氨", "2" }, { "环氧乙烷", "2" }, { "氯化氢", "3" }, { "溴甲烷", "3" },
                { "氯", "4" }, { "硫化氢", "5" }, { "氟化氢", "5" }, { "二氧化氮", "10" }, { "氰化氢", "10" },
                { "碳酰氯", "20" }, { "磷化氢", "20" }, { "异氰酸甲酯", "20" }, { "一氧化碳", "2" } };
        for (String[] g : gases) {
            GradingLine l = grade(0, n(g[0], "0.01")).lines().get(0);
            assertValue(g[1], l.beta(), "β of " + g[0]);
            assertEquals("GB 18218-2018 表3", l.betaSource().table(), g[0]);
        }
    }

    @Test
    void betaOfATable1SubstanceOutsideTable3NeedsItsHazardSymbols() {
        // 液化石油气 is in Table 1 (Q) but not Table 3: β from Table 4 needs W2
        GradingException e = refused(0, n("液化石油气", "100"));
        assertEquals(Reason.MISSING_CLASSIFICATION, e.reason());
        assertEquals("hazardCategories", e.field());
        assertEquals(0, e.entryIndex());
        // required even when S < 1, so a unit's validity does not flip with its inventory
        assertEquals(Reason.MISSING_CLASSIFICATION, refused(0, n("液化石油气", "1")).reason());
    }

    @Test
    void severalHazardsTakeTheLargestBeta() {
        // 1,2-环氧丙烷 row 63 (Q 10), classified W5.1 (β 1.5) and J4 (β 2): β = 2
        // 20 t → S = 2; Σ = 4; 0 people → α 0.5; R = 2 → 四级
        GradingResult r = grade(0, n("1,2-环氧丙烷", "20").withHazardCategories("W5.1", "J4"));
        assertGrading(r, "2", true, "2", 4);
        assertEquals("J4", r.lines().get(0).betaSource().row());
        assertEquals(2, r.lines().get(0).betaCandidates().size());
    }

    @Test
    void gradeOneForALargeToxicInventory() {
        // 氯 100 t (q/Q 20, β 4 → 80) + 光气 1.5 t (q/Q 5, β 20 → 100): Σ = 180; 120 people → α 2 → R = 360 → 一级
        GradingResult r = grade(120, n("液氯", "100"), n("光气", "1.5"));
        assertGrading(r, "25", true, "360", 1);
        assertEquals("一级", r.gradeLabel());
        assertEquals("R≥100", r.gradeSource().text());
    }
}
