package org.hazardwatch.grading;

import static org.hazardwatch.grading.Cases.assertGrading;
import static org.hazardwatch.grading.Cases.assertValue;
import static org.hazardwatch.grading.Cases.c;
import static org.hazardwatch.grading.Cases.grade;
import static org.hazardwatch.grading.Cases.grade2009;
import static org.hazardwatch.grading.Cases.n;
import static org.hazardwatch.grading.Cases.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hazardwatch.grading.GradingException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table 1 rows sharing one CAS: 硝化纤维素 (9004-70-0, rows 37–42) and 硝酸铵 (6484-52-2, rows 43–44). */
class NitrocelluloseTest {

    private static final String NC = "9004-70-0";

    @Test
    void casAloneIsAmbiguousAndListsTheSixRows() {
        GradingException e = refused(0, c(NC, "1").withHazardCategories("W1.1"));
        assertEquals(Reason.AMBIGUOUS_TABLE_ROW, e.reason());
        assertEquals("tableRow", e.field());
        assertEquals(0, e.entryIndex());
        assertEquals(List.of("37", "38", "39", "40", "41", "42"), e.candidates().stream().map(TableRef::row).toList());
        assertEquals(List.of("1", "1", "10", "50", "50", "50"),
                e.candidates().stream().map(r -> r.value().toPlainString()).toList());
        assertTrue(e.getMessage().contains("[39] 硝化纤维素(含乙醇≥25%) (Q 10 t)"), e.getMessage());
    }

    @Test
    void theCommonNameIsAmbiguousAmongTheSolidRows() {
        // 硝化棉 is the alias of rows 37–41; 硝化棉溶液 of row 42 only
        GradingException e = refused(0, n("硝化棉", "1").withCas(NC).withHazardCategories("W1.1"));
        assertEquals(List.of("37", "38", "39", "40", "41"), e.candidates().stream().map(TableRef::row).toList());
        assertEquals(42, grade(0, n("硝化棉溶液", "1").withCas(NC).withHazardCategories("W1.3")).lines().get(0)
                .tableRow());
    }

    @ParameterizedTest(name = "row {0}: Q {1} t")
    @CsvSource({ "37, 1", "38, 1", "39, 10", "40, 50", "41, 50", "42, 50" })
    void tableRowPicksTheRowAndItsQ(int row, String q) {
        GradingLine l = grade(0, c(NC, "1").withTableRow(row).withHazardCategories("W1.1")).lines().get(0);
        assertEquals(row, l.tableRow());
        assertValue(q, l.Q());
        assertTrue(l.substance().startsWith("硝化纤维素"));
    }

    @Test
    void tenTonnesWithAlcoholAtLeast25PercentIsExactlyAtThreshold() {
        // row 39 硝化纤维素(含乙醇≥25%), Q 10: 10 t → S = 1 → major; W1.1 β 2; 0 people → α 0.5 → R = 1 → 四级
        GradingResult r = grade(0, n("硝化棉", "10").withCas(NC).withTableRow(39).withHazardCategories("W1.1"));
        assertGrading(r, "1", true, "1", 4);
        // the same 10 t dry (row 37, Q 1): S = 10, R = 0.5 × 2 × 10 = 10 → 三级
        assertGrading(grade(0, c(NC, "10").withTableRow(37).withHazardCategories("W1.1")), "10", true, "10", 3);
    }

    @Test
    void theRowsFullDescriptionIdentifiesItWithoutTableRow() {
        // full-width brackets and ≥ as typed in Chinese documents
        GradingLine l = grade(0, n("硝化纤维素（含水≥25％）", "5").withCas(NC).withHazardCategories("W1.1")).lines()
                .get(0);
        assertEquals(41, l.tableRow());
        assertValue("50", l.Q());
    }

    @Test
    void aTableRowOutsideTheCasRowsIsRefused() {
        GradingException e = refused(0, c(NC, "1").withTableRow(36).withHazardCategories("W1.1"));
        assertEquals(Reason.NAME_CAS_MISMATCH, e.reason());
        assertEquals("tableRow", e.field());
        assertEquals(6, e.candidates().size());
    }

    @Test
    void ammoniumNitrateRowsShareACasToo() {
        GradingException e = refused(0, c("6484-52-2", "1").withHazardCategories("W9.2"));
        assertEquals(List.of("43", "44"), e.candidates().stream().map(TableRef::row).toList());
        // 硝酸铵(含可燃物≤0.2%) row 44, Q 50: 60 t → S = 1.2; β 1 (W9.2); 10 people → α 1.0; R = 1.2 → 四级
        assertGrading(grade(10, n("硝酸铵", "60").withCas("6484-52-2").withTableRow(44).withHazardCategories("W9.2")),
                "1.2", true, "1.2", 4);
        // the fertilizer row 45 has no CAS: found by name
        assertValue("200", grade(0, n("硝酸铵肥料(含可燃物≤0.4%)", "1").withHazardCategories("W9.2")).lines().get(0).Q());
    }

    @Test
    void underGb18218_2009NitrocelluloseIsOneRow() {
        // 2009 Table 1 row 7 硝化纤维素 Q 10 (爆炸品, β 2): 5 t → S = 0.5 → not major; under 2018 dry NC (row 37,
        // Q 1) the same 5 t is S = 5
        GradingResult old = grade2009(0, c(NC, "5"));
        assertGrading(old, "0.5", false, null, null);
        assertEquals(7, old.lines().get(0).tableRow());
        assertEquals("5", grade(0, c(NC, "5").withTableRow(37).withHazardCategories("W1.1")).sExact());
    }
}
