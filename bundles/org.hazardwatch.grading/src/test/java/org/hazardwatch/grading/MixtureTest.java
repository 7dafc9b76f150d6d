package org.hazardwatch.grading;

import static org.hazardwatch.grading.Cases.assertGrading;
import static org.hazardwatch.grading.Cases.assertValue;
import static org.hazardwatch.grading.Cases.grade;
import static org.hazardwatch.grading.Cases.n;
import static org.hazardwatch.grading.Cases.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hazardwatch.grading.GradingException.Reason;
import org.junit.jupiter.api.Test;

/** Mixtures, GB 18218-2018 4.2.3. */
class MixtureTest {

    @Test
    void mixtureOfTheSameHazardClassCountsAsThePureSubstanceByItsWholeMass() {
        // 95% 乙醇 (same class as ethanol, flammable liquid cat. 2): Table 1 row 67, Q 500, whole mass 400 t
        // S = 400/500 = 0.8 → not major
        GradingResult r = grade(0, n("乙醇溶液(95%)", "400").withCas("64-17-5").withHazardCategories("W5.3")
                .withMixture(MixtureRule.AS_PURE_SUBSTANCE));
        assertGrading(r, "0.8", false, null, null);
        GradingLine l = r.lines().get(0);
        assertEquals(67, l.tableRow());
        assertValue("500", l.Q());
        assertEquals(MixtureRule.AS_PURE_SUBSTANCE, l.mixture());
        assertTrue(l.notes().get(0).contains("视混合物为纯物质"), l.notes().toString());
    }

    @Test
    void mixtureOfADifferentHazardClassTakesTheQOfItsNewClass() {
        // 30% 甲醇水溶液, classified flammable liquid cat. 3 (pure methanol: cat. 2) → new class W5.4, Q 5000
        // 2000 t → S = 2000/5000 = 0.4 → not major
        SubstanceEntry solution = n("甲醇水溶液(30%)", "2000").withCas("67-56-1").withHazardCategories("W5.4");
        GradingResult asNewClass = grade(0, solution.withMixture(MixtureRule.NEW_HAZARD_CLASS));
        assertGrading(asNewClass, "0.4", false, null, null);
        GradingLine l = asNewClass.lines().get(0);
        assertNull(l.tableRow());
        assertEquals("W5.4", l.qSource().row());
        assertTrue(l.notes().get(0).contains("按新危险类别") && l.notes().get(0).contains("[65] 甲醇"),
                l.notes().toString());
        // counted as pure methanol instead: Table 1 row 65, Q 500 → S = 4 → major;
        // β W5.4 = 1, 0 people → α 0.5, R = 2 → 四级
        assertGrading(grade(0, solution.withMixture(MixtureRule.AS_PURE_SUBSTANCE)), "4", true, "2", 4);
        // and with no mixture rule the CAS makes it Table 1 row 65 too
        assertEquals(65, grade(0, solution).lines().get(0).tableRow());
    }

    @Test
    void newHazardClassMixtureOfAToxicGasTakesBetaFromTable4NotTable3() {
        // a chlorine mixture classified J3 (acute toxicity cat. 2/3 gas): Q 50 (J3), β 2 (Table 4 J3), not 5/4 of 氯
        // 100 t → S = 2; Σ = 4; 0 people → 0.5; R = 2 → 四级
        GradingResult r = grade(0, n("含氯混合气", "100").withCas("7782-50-5").withHazardCategories("J3")
                .withMixture(MixtureRule.NEW_HAZARD_CLASS));
        assertGrading(r, "2", true, "2", 4);
        assertEquals("GB 18218-2018 表4", r.lines().get(0).betaSource().table());
        assertValue("2", r.lines().get(0).beta());
    }

    @Test
    void newHazardClassMixtureNeedsItsCategoriesAndNoTableRow() {
        GradingException none = refused(0, n("某混合物", "1").withMixture(MixtureRule.NEW_HAZARD_CLASS));
        assertEquals(Reason.MISSING_CLASSIFICATION, none.reason());
        assertEquals("hazardCategories", none.field());
        GradingException row = refused(0, n("某混合物", "1").withTableRow(65).withHazardCategories("W5.4")
                .withMixture(MixtureRule.NEW_HAZARD_CLASS));
        assertEquals(Reason.INVALID_VALUE, row.reason());
        assertEquals("tableRow", row.field());
    }

    @Test
    void mixtureOfSubstancesNotInTable1UsesItsOwnCategoriesAsAnyOther() {
        // a solvent blend not in Table 1, flammable liquid cat. 2 in a pressurised process (> 1.6 MPa): W5.2, Q 50
        // 60 t → S = 1.2; β 1 (W5.2); 35 people → α 1.2; R = 1.44 → 四级
        GradingResult r = grade(35, n("混合溶剂", "60").withHazardCategories("W5.2")
                .withMixture(MixtureRule.AS_PURE_SUBSTANCE));
        assertGrading(r, "1.2", true, "1.44", 4);
    }
}
