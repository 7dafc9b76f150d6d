package org.hazardwatch.grading;

import static org.hazardwatch.grading.Cases.assertGrading;
import static org.hazardwatch.grading.Cases.assertValue;
import static org.hazardwatch.grading.Cases.c;
import static org.hazardwatch.grading.Cases.grade;
import static org.hazardwatch.grading.Cases.grade2009;
import static org.hazardwatch.grading.Cases.n;
import static org.hazardwatch.grading.Cases.refused;
import static org.hazardwatch.grading.Cases.refused2009;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hazardwatch.grading.GradingException.Reason;
import org.junit.jupiter.api.Test;

/** GB 18218-2009 identification with the 2011 grading method (总局令第40号 附件1), for old records. */
class Edition2009Test {

    @Test
    void resultNamesTheEditionAndMethod() {
        GradingResult r = grade2009(0, n("氯", "5"));
        assertEquals(Edition.GB18218_2009, r.edition());
        assertTrue(r.standard().contains("GB 18218-2009"));
        assertTrue(r.gradingMethod().contains("第40号"));
        assertEquals("GB 18218-2009 表1", r.lines().get(0).qSource().table());
        assertEquals("29", r.lines().get(0).qSource().row());
        assertEquals("总局令第40号附件1 表2", r.lines().get(0).betaSource().table());
        assertEquals("总局令第40号附件1 表3", r.alphaSource().table());
        assertEquals("总局令第40号附件1 表4", r.gradeSource().table());
    }

    @Test
    void ammoniumNitrateThresholdChangedFrom300To50() {
        // 硝酸铵(含可燃物≤0.2%) 60 t: 2009 row 62 Q 300 → S = 0.2, not major;
        // 2018 row 44 Q 50 → S = 1.2, β 1 (W9.2), 10 people → α 1 → R = 1.2 → 四级
        assertGrading(grade2009(10, n("硝酸铵(含可燃物≤0.2%)", "60")), "0.2", false, null, null);
        assertGrading(grade(10, n("硝酸铵(含可燃物≤0.2%)", "60").withHazardCategories("W9.2")), "1.2", true, "1.2", 4);
        // by CAS the two 2009 ammonium nitrate rows (8 and 62) are ambiguous as in 2018
        assertEquals(Reason.AMBIGUOUS_TABLE_ROW, refused2009(10, c("6484-52-2", "60")).reason());
        assertEquals("0.2", grade2009(10, c("6484-52-2", "60").withTableRow(62)).sExact());
    }

    @Test
    void betaByTheClassOfTheTable1Row() {
        // TNT (2009 row 5, 爆炸品, Q 5) 10 t → S = 2; β 2; 30 people → α 1.2; R = 1.2 × 4 = 4.8 → 四级
        GradingResult tnt = grade2009(30, n("TNT", "10"));
        assertGrading(tnt, "2", true, "4.8", 4);
        assertEquals("爆炸品", tnt.lines().get(0).betaSource().row());
        // 液化石油气 (row 14, 易燃气体, Q 50) 100 t → 2 × 1.5 = 3; 甲醇 (row 43, 易燃液体 → 其他类, Q 500) 250 t → 0.5 × 1
        // S = 2.5; Σ = 3.5; 75 people → α 1.5; R = 5.25 → 四级. No hazard symbols needed under 2009.
        GradingResult r = grade2009(75, n("液化石油气", "100"), n("甲醇", "250"));
        assertGrading(r, "2.5", true, "5.25", 4);
        assertValue("1.5", r.lines().get(0).beta());
        assertEquals("易燃气体", r.lines().get(0).betaSource().row());
        assertValue("1", r.lines().get(1).beta());
        assertEquals("其他类危险化学品", r.lines().get(1).betaSource().row());
    }

    @Test
    void toxicGasNotInAnnexTable2NeedsHighlyToxicOrToxic() {
        // 氟 (2009 row 22, 毒性气体, Q 1) is not in annex 表2: β by the note, 剧毒 4 or 有毒 2
        GradingException e = refused2009(0, n("氟", "2"));
        assertEquals(Reason.MISSING_CLASSIFICATION, e.reason());
        assertTrue(e.getMessage().contains("2.3-T1"), e.getMessage());
        // 2 t → S = 2; 剧毒: β 4 → Σ 8; 0 people → α 0.5 → R = 4 → 四级
        GradingResult highly = grade2009(0, n("氟", "2").withHazardCategories("2.3-T1"));
        assertGrading(highly, "2", true, "4", 4);
        assertEquals("毒性气体（未在表2中列出的剧毒气体）", highly.lines().get(0).betaSource().row());
        // 有毒: β 2 → R = 2
        assertGrading(grade2009(0, n("氟", "2").withHazardCategories("2.3")), "2", true, "2", 4);
    }

    @Test
    void annexTable2CoversToxicSubstancesOfOtherClassesToo() {
        // 氟化氢 is 毒性物质 (row 68) in 2009 Table 1 but listed in annex 表2 with β 5:
        // 1 t / Q 1 → S = 1; β 5; 1 person → α 1.0 → R = 5 → 四级
        GradingResult r = grade2009(1, n("氟化氢", "1"));
        assertGrading(r, "1", true, "5", 4);
        assertEquals(68, r.lines().get(0).tableRow());
        assertEquals("氟化氢", r.lines().get(0).betaSource().row());
        // 一氧化碳 → 2009 row 30 煤气 (Q 20), annex 表2 β 2: 40 t → S 2, Σ 4, α 0.5 → R 2
        GradingResult co = grade2009(0, n("一氧化碳", "40"));
        assertGrading(co, "2", true, "2", 4);
        assertEquals(30, co.lines().get(0).tableRow());
    }

    @Test
    void arsineThresholdOf2009IsTwelveTonnes() {
        // 2009 row 31 砷化三氢(胂) Q 12 (single source S8): 12 t → S = 1; 剧毒 β 4; 0 people → 0.5 → R = 2
        GradingResult r = grade2009(0, n("砷化氢", "12").withCas("7784-42-1").withHazardCategories("2.3-T1"));
        assertGrading(r, "1", true, "2", 4);
        assertEquals(31, r.lines().get(0).tableRow());
        // 2018 row 14 Q 1: 12 t → S = 12
        assertEquals("12", grade(0, n("砷化氢", "12").withHazardCategories("J1")).sExact());
    }

    @Test
    void table2Of2009WithSeveralHazards() {
        // 甲硫醇 not in Table 1: 2.1 (Q 10, 易燃气体 β 1.5) and 2.3 (Q 50, 有毒气体 β 2 by the annex note)
        // Q = 10; 15 t → S = 1.5; β = 2; 60 people → α 1.5; R = 4.5 → 四级 — the same as under 2018 with W2 + J3
        SubstanceEntry both = n("甲硫醇", "15").withCas("74-93-1").withHazardCategories("W2", "J3", "2.1", "2.3");
        GradingResult old = grade2009(60, both);
        assertGrading(old, "1.5", true, "4.5", 4);
        assertEquals("2.1", old.lines().get(0).qSource().row());
        assertEquals("GB 18218-2009 表2", old.lines().get(0).qSource().table());
        assertGrading(grade(60, both), "1.5", true, "4.5", 4);
        // only 2018 symbols: nothing to classify it under 2009
        assertEquals(Reason.UNKNOWN_SUBSTANCE, refused2009(60, both.withHazardCategories("W2", "J3")).reason());
        // a symbol of neither edition
        assertEquals(Reason.INVALID_VALUE, refused2009(60, both.withHazardCategories("2.4")).reason());
    }

    @Test
    void oleumIsA2009Table1RowButNot2018() {
        // 发烟硫酸 2009 row 55 (氧化性物质, Q 100): 100 t → S 1, β 1; 1 person → R = 1
        assertGrading(grade2009(1, n("发烟硫酸", "100")), "1", true, "1", 4);
        // 2018: not in Table 1; classified by Table 2 (here W9.1, Q 50): S = 2
        assertEquals(Reason.UNKNOWN_SUBSTANCE, refused(1, n("发烟硫酸", "100")).reason());
        assertEquals("2", grade(1, n("发烟硫酸", "100").withHazardCategories("W9.1")).sExact());
    }
}
