package org.hazardwatch.grading;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hazardwatch.grading.internal.AccidentHazards;
import org.hazardwatch.grading.internal.GradingEngine;
import org.hazardwatch.grading.internal.Tables;

/**
 * Identifies and grades a unit under GB 18218-2018 (or GB 18218-2009 with the 2011 grading method).
 *
 * <ol>
 * <li>Q per entry (4.1.2): Table 1 by name or CAS (and {@code tableRow} where several rows share a CAS); else the lowest Q
 * of the Table 2 categories given. Mixtures per 4.2.3 ({@link MixtureRule}).</li>
 * <li>S = Σ q/Q (formula (1)); the unit is a major hazard source when S ≥ 1.</li>
 * <li>If so, R = α·Σ β·q/Q (formula (2)): β from Table 3, else Table 4 by the hazard categories; α from Table 5 by the
 * people outside the plant within 500 m; the grade from Table 6.</li>
 * </ol>
 *
 * <p>All arithmetic is exact (rational numbers); see {@link GradingResult} for the display values. Thread-safe; the
 * tables are loaded once per class loader and shared.
 */
public final class Gb18218Grader {

    private final GradingEngine engine;
    private final Clock clock;

    private Gb18218Grader(Clock clock) {
        this.engine = new GradingEngine(Tables.get());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A grader stamping results with the system clock (UTC). */
    public static Gb18218Grader create() {
        return new Gb18218Grader(Clock.systemUTC());
    }

    /** A grader stamping results ({@link GradingResult#gradedAt()}) with the given clock. */
    public static Gb18218Grader create(Clock clock) {
        return new Gb18218Grader(clock);
    }

    /**
     * Grades one unit.
     *
     * @throws GradingException naming the entry and field, if an entry cannot be identified, has no quantity, or lacks
     *         the hazard categories its Q or β needs
     */
    public GradingResult grade(GradingRequest request) {
        return engine.grade(request, clock.instant());
    }

    /**
     * Grades the request of an earlier grading again, under {@code edition} (e.g. a 2009-era record under the 2018
     * edition, or the same edition after a table correction). Table 1 rows are carried over where the other edition has
     * exactly one row for the same substance; where it has several (2009 硝化纤维素 is six rows in 2018) the row is left
     * open and the grading fails with {@link GradingException.Reason#AMBIGUOUS_TABLE_ROW} listing them, because the old
     * record does not say which applies. Hazard symbols of both editions may be kept in one entry; each edition uses
     * its own.
     */
    public GradingResult regrade(GradingResult previous, Edition edition) {
        Objects.requireNonNull(previous, "previous");
        Edition target = edition == null ? Edition.GB18218_2018 : edition;
        GradingRequest old = previous.request();
        if (previous.edition() == target) {
            return grade(old);
        }
        List<SubstanceEntry> entries = new ArrayList<>();
        for (int i = 0; i < old.substances().size(); i++) {
            SubstanceEntry e = old.substances().get(i);
            Integer row = previous.lines().get(i).tableRow();
            Integer translated = row == null ? null : Tables.get().translateRow(previous.edition(), row, target);
            entries.add(e.withTableRow(translated));
        }
        return grade(new GradingRequest(target, old.exposedPeople(), entries));
    }

    /**
     * The accident types (fire, explosion, poisoning) the graded substances can cause: from HazardWatch's profile of
     * each GB 18218-2018 Table 1 row (2009 rows through their 2018 counterparts), plus those of the Table 2 hazard
     * symbols given. Not part of the standard; people may correct the result.
     */
    public Set<AccidentHazard> accidentHazards(GradingResult result) {
        Set<AccidentHazard> hazards = EnumSet.noneOf(AccidentHazard.class);
        for (GradingLine line : result.lines()) {
            Integer row = line.tableRow();
            if (row != null && result.edition() != Edition.GB18218_2018) {
                row = Tables.get().translateRow(result.edition(), row, Edition.GB18218_2018);
            }
            if (row != null) {
                hazards.addAll(AccidentHazards.ofTable1Row(row));
            }
            hazards.addAll(AccidentHazards.ofCategories(line.hazardCategories()));
        }
        return hazards;
    }
}
