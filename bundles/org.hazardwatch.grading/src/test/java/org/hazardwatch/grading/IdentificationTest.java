package org.hazardwatch.grading;

import static org.hazardwatch.grading.Cases.assertGrading;
import static org.hazardwatch.grading.Cases.assertValue;
import static org.hazardwatch.grading.Cases.c;
import static org.hazardwatch.grading.Cases.grade;
import static org.hazardwatch.grading.Cases.n;
import static org.hazardwatch.grading.Cases.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.hazardwatch.grading.GradingException.Reason;
import org.junit.jupiter.api.Test;

/** Identification: which Q applies (4.1.2), S (4.2.1) and its boundary, and how entries are matched to Table 1. */
class IdentificationTest {

    // ---------------------------------------------------------------- S and the S = 1 boundary

    @Test
    void sExactlyOneIsAMajorHazardSourceEvenWhereDoubleSaysOtherwise() {
        // 氨 7 t / Q 10 = 0.7; 环氧乙烷 2 t / Q 10 = 0.2; 硫化氢 0.5 t / Q 5 = 0.1 (Table 1 rows 1, 7, 10)
        // S = 0.7 + 0.2 + 0.1 = 1 exactly → 「等于或超过临界量」 → major. In double: 0.9999999999999999.
        assertTrue(0.7 + 0.2 + 0.1 < 1.0);
        GradingResult r = grade(100, n("氨", "7"), n("环氧乙烷", "2"), n("硫化氢", "0.5"));
        // β from Table 3: 氨 2, 环氧乙烷 2, 硫化氢 5 → Σβq/Q = 1.4 + 0.4 + 0.5 = 2.3; 100 people → α = 2.0
        // R = 2.0 × 2.3 = 4.6 < 10 → 四级
        assertGrading(r, "1", true, "4.6", 4);
        assertValue("1", r.s());
        assertEquals("四级", r.gradeLabel());
    }

    @Test
    void sJustBelowOneIsNotMajorAndNotGraded() {
        // 硫化氢 0.4999 t / 5 = 0.09998 → S = 0.7 + 0.2 + 0.09998 = 0.99998 < 1
        GradingResult r = grade(100, n("氨", "7"), n("环氧乙烷", "2"), n("硫化氢", "0.4999"));
        assertGrading(r, "0.99998", false, null, null);
        assertNull(r.r());
        assertNull(r.gradeSource());
        assertValue("2.0", r.alpha()); // α is still reported
    }

    @Test
    void singleSubstanceAtExactlyItsThresholdIsMajor() {
        // 氯 5 t, Q 5 (row 12): S = 1 → major; β 4 (Table 3); 0 people → α 0.5; R = 0.5 × 4 × 1 = 2 → 四级
        assertGrading(grade(0, n("氯", "5")), "1", true, "2", 4);
        // 4.999 t: S = 0.9998 → not major
        assertGrading(grade(0, n("氯", "4.999")), "0.9998", false, null, null);
    }

    @Test
    void thirdsOfANonTerminatingQuotientAddUpToExactlyOne() {
        // 碳酰氯 (光气) Q 0.3 t: three entries of 0.1 t → 1/3 each → S = 1 exactly (DECIMAL128 would give 0.999…9)
        GradingResult r = grade(30, n("光气", "0.1"), n("光气", "0.1"), n("碳酰氯", "0.1"));
        // β 20 (Table 3) → Σβq/Q = 20; 30 people → α 1.2 → R = 24 → 三级
        assertGrading(r, "1", true, "24", 3);
        assertEquals("1/3", r.lines().get(0).ratioExact());
        assertEquals(6, r.lines().get(2).tableRow());
    }

    @Test
    void everySubstanceCountsHoweverSmall() {
        // no de-minimis rule: 氯 4.9 t (0.98) + 甲醇 10 t (10/500 = 0.02) → S = 1 → major
        GradingResult r = grade(0, n("氯", "4.9"), n("甲醇", "10").withHazardCategories("W5.3"));
        assertEquals("1", r.sExact());
        assertTrue(r.major());
    }

    @Test
    void zeroQuantityContributesNothing() {
        assertGrading(grade(0, n("氯", "0")), "0", false, null, null);
    }

    // ---------------------------------------------------------------- which Q applies

    @Test
    void table1WinsOverALowerTable2Q() {
        // 甲醇 600 t: Table 1 row 65 Q 500 although W5.1 in Table 2 would give Q 10 (4.1.2 a before b)
        // S = 600/500 = 1.2; β = 1.5 (Table 4 W5.1); 0 people → α 0.5; R = 0.5 × 1.5 × 1.2 = 0.9 → 四级
        GradingResult r = grade(0, n("甲醇", "600").withHazardCategories("W5.1"));
        assertGrading(r, "1.2", true, "0.9", 4);
        GradingLine l = r.lines().get(0);
        assertValue("500", l.Q());
        assertEquals(65, l.tableRow());
        assertEquals("GB 18218-2018 表1", l.qSource().table());
        assertEquals("65", l.qSource().row());
        assertTrue(l.qCandidates().isEmpty());
        assertEquals("W5.1", l.betaSource().row());
        assertTrue(l.notes().get(0).contains("not used for Q"), l.notes().toString());
    }

    @Test
    void severalHazardsOfOneSubstanceTakeTheLowestQ() {
        // 甲硫醇 (CAS 74-93-1, not in Table 1): flammable gas W2 (Q 10) and acute toxicity gas cat. 3 J3 (Q 50)
        // Q = min(10, 50) = 10 from W2 (4.1.2 b); 15 t → S = 1.5
        // β = largest of W2 1.5 and J3 2 = 2 (HazardWatch rule); 60 people → α 1.5; R = 1.5 × 2 × 1.5 = 4.5 → 四级
        GradingResult r = grade(60, n("甲硫醇", "15").withCas("74-93-1").withHazardCategories("J3", "W2"));
        assertGrading(r, "1.5", true, "4.5", 4);
        GradingLine l = r.lines().get(0);
        assertNull(l.tableRow());
        assertValue("10", l.Q());
        assertEquals("W2", l.qSource().row());
        assertEquals("GB 18218-2018 表2", l.qSource().table());
        assertEquals(List.of("J3", "W2"), l.qCandidates().stream().map(TableRef::row).toList());
        assertValue("2", l.beta());
        assertEquals("J3", l.betaSource().row());
        assertEquals("GB 18218-2018 表4", l.betaSource().table());
        assertEquals(List.of("J3", "W2"), l.hazardCategories()); // table order
        assertEquals("甲硫醇", l.substance());
    }

    @Test
    void lowestQDoesNotDependOnTheOrderTheHazardsAreGiven() {
        // W5.3 (Q 1000) and J5 (Q 500): Q = 500 from J5 either way; 600 t → S = 1.2
        GradingResult a = grade(0, n("某有毒易燃液体", "600").withHazardCategories("W5.3", "J5"));
        GradingResult b = grade(0, n("某有毒易燃液体", "600").withHazardCategories("J5", "W5.3", "j5"));
        for (GradingResult r : List.of(a, b)) {
            assertEquals("J5", r.lines().get(0).qSource().row());
            assertEquals("1.2", r.sExact());
        }
    }

    @Test
    void aerosolsAreCountedByNetWeight() {
        // W3 Q = 150 t (净重): 75 t net → S = 0.5
        GradingResult r = grade(0, n("气雾剂成品", "75").withHazardCategories("W3"));
        assertEquals("0.5", r.sExact());
        assertTrue(r.lines().get(0).notes().stream().anyMatch(x -> x.contains("净重")));
    }

    // ---------------------------------------------------------------- matching names and CAS

    @Test
    void aliasesFullWidthAndCasAllFindTheSameRow() {
        for (SubstanceEntry e : List.of(n("氯", "5"), n("液氯", "5"), n(" 氯气 ", "5"), c("7782-50-5", "5"),
                c("７７８２－５０－５", "5"), n("氯", "5").withCas("7782-50-5"), n("1号罐物料", "5").withCas("7782-50-5"))) {
            GradingLine l = grade(0, e).lines().get(0);
            assertEquals(12, l.tableRow(), e.label());
            assertEquals("氯", l.substance(), e.label());
            assertValue("5", l.Q());
        }
        assertEquals(23, grade(0, n("ｔｄｉ", "1").withHazardCategories("J5")).lines().get(0).tableRow());
        // names of a row's text: 丙烷 (CAS 74-98-6 listed in row 52), 天然气 (row 49), 汽油 (row 66)
        assertEquals(52, grade(0, n("丙烷", "1").withHazardCategories("W2")).lines().get(0).tableRow());
        assertEquals(52, grade(0, c("74-98-6", "1").withHazardCategories("W2")).lines().get(0).tableRow());
        assertEquals(49, grade(0, n("天然气", "1").withHazardCategories("W2")).lines().get(0).tableRow());
        assertEquals(66, grade(0, n("乙醇汽油", "1").withHazardCategories("W5.3")).lines().get(0).tableRow());
    }

    @Test
    void carbonMonoxideIsTheCoalGasRowWithItsOwnTable3Beta() {
        // 煤气(CO,CO和H₂、CH₄的混合物等) row 13, Q 20, covers CO; Table 3 lists 一氧化碳 β 2.
        // 一氧化碳 40 t → S = 2; β 2; 1 person → α 1.0; R = 4 → 四级. Row 13 has no CAS, so CO's own CAS is accepted.
        GradingResult r = grade(1, n("一氧化碳", "40").withCas("630-08-0"));
        assertGrading(r, "2", true, "4", 4);
        assertEquals(13, r.lines().get(0).tableRow());
        assertEquals("GB 18218-2018 表3", r.lines().get(0).betaSource().table());
        assertEquals("一氧化碳", r.lines().get(0).betaSource().row());
        // 煤气 itself is not in Table 3: β needs its hazard symbols (Table 4)
        GradingException e = refused(1, n("煤气", "40"));
        assertEquals(Reason.MISSING_CLASSIFICATION, e.reason());
        GradingResult gas = grade(1, n("煤气", "40").withHazardCategories("W2", "J3"));
        assertValue("2", gas.lines().get(0).beta()); // max(W2 1.5, J3 2)
        assertValue("20", gas.lines().get(0).Q()); // still Table 1
    }

    @Test
    void nameAndCasMustAgree() {
        // 氯 with the CAS of 氟 (7782-41-4, row 5)
        GradingException e = refused(0, n("氯", "1").withCas("7782-41-4"));
        assertEquals(Reason.NAME_CAS_MISMATCH, e.reason());
        assertEquals(0, e.entryIndex());
        assertEquals("cas", e.field());
        assertEquals("氯 / 7782-41-4", e.entry());
        assertTrue(e.getMessage().startsWith("substances[0] (氯 / 7782-41-4).cas: "), e.getMessage());
        // 氯 with a valid CAS that is in no Table 1 row (甲硫醇's)
        assertEquals(Reason.NAME_CAS_MISMATCH, refused(0, n("氯", "1").withCas("74-93-1")).reason());
        // a table row that is not the named substance
        GradingException row = refused(0, n("氯", "1").withTableRow(5));
        assertEquals(Reason.NAME_CAS_MISMATCH, row.reason());
        assertEquals("tableRow", row.field());
    }

    @Test
    void tableRowNamesTheRowOfALocalLabel() {
        GradingLine l = grade(0, n("2#储罐物料", "5").withTableRow(12)).lines().get(0);
        assertEquals("氯", l.substance());
        assertEquals("2#储罐物料", l.name());
        GradingException e = refused(0, n("2#储罐物料", "5").withTableRow(86));
        assertEquals(Reason.INVALID_VALUE, e.reason());
        assertEquals("tableRow", e.field());
    }

    @Test
    void qualifiedRowsAreFoundByTheirBaseNameAndCas() {
        // 甲醛(含量>90%) row 8, 氯化氢(无水) row 11, 硝酸(发红烟的除外,含硝酸>70%) row 81
        assertEquals(8, grade(0, n("甲醛", "1").withHazardCategories("J3")).lines().get(0).tableRow());
        assertEquals(11, grade(0, c("7647-01-0", "1")).lines().get(0).tableRow());
        assertEquals(81, grade(0, n("硝酸", "1").withHazardCategories("W9.2")).lines().get(0).tableRow());
        assertEquals(81, grade(0, n("硝酸（发红烟的除外，含硝酸＞70％）", "1").withHazardCategories("W9.2")).lines()
                .get(0).tableRow());
    }

    // ---------------------------------------------------------------- refusals name the entry

    @Test
    void unknownSubstanceWithoutHazardCategoriesIsRefusedByIndexAndName() {
        GradingException e = refused(0, n("氯", "1"), n("某未知物", "3"));
        assertEquals(Reason.UNKNOWN_SUBSTANCE, e.reason());
        assertEquals(1, e.entryIndex());
        assertEquals("某未知物", e.entry());
        assertEquals("name", e.field());
        assertTrue(e.getMessage().startsWith("substances[1] (某未知物).name: not in GB 18218-2018 表1"), e.getMessage());
        // by CAS only
        GradingException byCas = refused(0, c("74-93-1", "3"));
        assertEquals(Reason.UNKNOWN_SUBSTANCE, byCas.reason());
        assertEquals("cas", byCas.field());
        // 2009 symbols only do not classify a substance under 2018
        assertEquals(Reason.UNKNOWN_SUBSTANCE, refused(0, n("甲硫醇", "3").withHazardCategories("2.1")).reason());
    }

    @Test
    void missingQuantityIsRefusedByIndexAndName() {
        GradingException e = refused(0, n("氯", "1"), n("液氨", "1").withTonnes(null));
        assertEquals(Reason.MISSING_QUANTITY, e.reason());
        assertEquals(1, e.entryIndex());
        assertEquals("液氨", e.entry());
        assertEquals("tonnes", e.field());
        assertEquals(Reason.INVALID_VALUE, refused(0, n("氯", "-1")).reason());
    }

    @Test
    void malformedInputIsRefused() {
        GradingException cas = refused(0, n("氯", "1").withCas("7782-50-4"));
        assertEquals(Reason.INVALID_VALUE, cas.reason());
        assertEquals("cas", cas.field());
        assertTrue(cas.getMessage().contains("check digit"));
        GradingException sym = refused(0, n("某物", "1").withHazardCategories("W12"));
        assertEquals("hazardCategories", sym.field());
        assertEquals(Reason.INVALID_VALUE, sym.reason());
        GradingException none = refused(0, new SubstanceEntry(" ", "", null, null, Cases.t("1")));
        assertEquals(Reason.MISSING_IDENTIFICATION, none.reason());

        Gb18218Grader g = Cases.GRADER;
        GradingException people = assertThrows(GradingException.class,
                () -> g.grade(new GradingRequest(null, List.of(n("氯", "1")))));
        assertEquals("exposedPeople", people.field());
        assertNull(people.entryIndex());
        assertEquals(Reason.INVALID_VALUE, assertThrows(GradingException.class,
                () -> g.grade(new GradingRequest(-1, List.of(n("氯", "1"))))).reason());
        assertEquals("substances", assertThrows(GradingException.class,
                () -> g.grade(new GradingRequest(0, List.of()))).field());
        List<SubstanceEntry> withNull = new ArrayList<>();
        withNull.add(null);
        assertEquals(0, assertThrows(GradingException.class, () -> g.grade(new GradingRequest(0, withNull)))
                .entryIndex());
    }

    @Test
    void editionCodes() {
        assertEquals(Edition.GB18218_2018, Edition.fromCode(null));
        assertEquals(Edition.GB18218_2018, Edition.fromCode("2018"));
        assertEquals(Edition.GB18218_2009, Edition.fromCode(" 2009 "));
        assertEquals(Edition.GB18218_2009, Edition.fromCode("GB 18218-2009"));
        GradingException e = assertThrows(GradingException.class, () -> Edition.fromCode("2000"));
        assertEquals("edition", e.field());
        assertEquals(Edition.GB18218_2018, new GradingRequest(null, 0, List.of()).edition());
        assertFalse(Edition.GB18218_2009.gradingMethod().isEmpty());
    }
}
