package org.hazardwatch.grading;

import static org.hazardwatch.grading.Cases.GRADER;
import static org.hazardwatch.grading.Cases.assertGrading;
import static org.hazardwatch.grading.Cases.c;
import static org.hazardwatch.grading.Cases.grade;
import static org.hazardwatch.grading.Cases.grade2009;
import static org.hazardwatch.grading.Cases.n;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hazardwatch.grading.GradingException.Reason;
import org.junit.jupiter.api.Test;

/** The result is an immutable snapshot of inputs and working, and old snapshots can be graded again. */
class SnapshotTest {

    @Test
    void snapshotKeepsTheRequestAndCannotBeChanged() {
        List<SubstanceEntry> entries = new ArrayList<>();
        entries.add(n("液氯", "20"));
        List<String> categories = new ArrayList<>(List.of("W2"));
        entries.add(new SubstanceEntry("液化石油气", null, null, categories, Cases.t("100")));
        GradingResult r = GRADER.grade(new GradingRequest(75, entries));

        entries.clear();
        categories.add("J1");
        assertEquals(2, r.request().substances().size());
        assertEquals(List.of("W2"), r.request().substances().get(1).hazardCategories());
        assertThrows(UnsupportedOperationException.class, () -> r.lines().clear());
        assertThrows(UnsupportedOperationException.class, () -> r.request().substances().clear());
        assertThrows(UnsupportedOperationException.class, () -> r.lines().get(0).notes().add("x"));
        assertEquals(Instant.parse("2025-06-01T08:00:00Z"), r.gradedAt());
        assertTrue(r.tableData().contains("tables r1"));
        assertEquals("GB 18218-2018《危险化学品重大危险源辨识》", r.standard());
        // the same request grades to an equal snapshot
        assertEquals(r, GRADER.grade(r.request()));
    }

    @Test
    void workingShowsEveryStep() {
        GradingResult r = grade(75, n("液氯", "20"), n("液化石油气", "100").withHazardCategories("W2"),
                n("甲醇", "250").withHazardCategories("W5.3"));
        String w = r.working();
        assertTrue(w.contains("[0] 氯: q = 20 t; Q = 5 t (GB 18218-2018 表1 [12] 氯 = 5); q/Q = 4; "
                + "β = 4 (GB 18218-2018 表3 [氯] = 4); β·q/Q = 16"), w);
        assertTrue(w.contains("S = 4 + 2 + 0.5 = 6.5 ≥ 1: 重大危险源"), w);
        assertTrue(w.contains("α = 1.5 (GB 18218-2018 表5 [50人～99人]"), w);
        assertTrue(w.contains("R = α·Σβ·q/Q = 1.5 × 19.5 = 29.25: 三级 (GB 18218-2018 表6 [三级] 50>R≥10 = 3)"), w);
        assertTrue(grade(0, n("氯", "1")).working().contains("S = 0.2 < 1: 不构成重大危险源，不分级"));
    }

    @Test
    void a2018GradingRegradedUnder2009() {
        // 硝酸铵 row 44 (Q 50) → 2009 row 62 (Q 300); 氯 row 12 → 2009 row 29 (Q 5)
        // 2018: S = 60/50 + 5/5 = 2.2; Σ = 1.2 × 1 + 1 × 4 = 5.2; 10 people → α 1 → R = 5.2 → 四级
        // 2009: S = 60/300 + 1 = 1.2; β 1 (氧化性物质 → 其他类) and 4 → Σ = 0.2 + 4 = 4.2 → R = 4.2 → 四级
        GradingResult now = grade(10, c("6484-52-2", "60").withTableRow(44).withHazardCategories("W9.2"),
                n("氯", "5"));
        assertGrading(now, "2.2", true, "5.2", 4);
        GradingResult old = GRADER.regrade(now, Edition.GB18218_2009);
        assertGrading(old, "1.2", true, "4.2", 4);
        assertEquals(62, old.lines().get(0).tableRow());
        assertEquals(Edition.GB18218_2009, old.edition());
        // and back: the Table 1 rows are carried over (氯 now with tableRow 12), the figures are those of the first run
        GradingResult again = GRADER.regrade(old, Edition.GB18218_2018);
        assertGrading(again, "2.2", true, "5.2", 4);
        assertEquals(now.lines(), again.lines());
        assertEquals(12, again.request().substances().get(1).tableRow());
    }

    @Test
    void a2009NitrocelluloseRecordCannotBeRegradedWithoutPickingTheRow() {
        GradingResult old = grade2009(0, n("硝化纤维素", "5").withHazardCategories("W1.1"));
        assertEquals(7, old.lines().get(0).tableRow());
        GradingException e = assertThrows(GradingException.class, () -> GRADER.regrade(old, Edition.GB18218_2018));
        assertEquals(Reason.AMBIGUOUS_TABLE_ROW, e.reason());
        assertEquals(5, e.candidates().size()); // 硝化纤维素 names rows 37–41
        // once someone picks the row (dry NC, row 37, Q 1): S = 5; β 2; α 0.5 → R = 5 → 四级
        GradingRequest fixed = new GradingRequest(Edition.GB18218_2018, 0,
                List.of(old.request().substances().get(0).withTableRow(37)));
        assertGrading(GRADER.grade(fixed), "5", true, "5", 4);
    }
}
