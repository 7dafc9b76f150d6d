package org.hazardwatch.grading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Immutable snapshot of one grading: the request as given, every table row and factor used, and the outcome. Keep it
 * as the record of the grading; {@link Gb18218Grader#regrade(GradingResult, Edition)} re-grades it from its request.
 *
 * <p>Decisions (major or not, grade) are taken on exact rational values. {@code s}, {@code weightedSum} and {@code r} are
 * for display: exact when they have at most 34 significant digits, else cut towards zero (never rounded up), so a
 * displayed value is never on the other side of 1, 10, 50 or 100 than the exact one. {@code sExact}, {@code rExact} and
 * {@code weightedSumExact} are the exact values as text: a decimal, or {@code p/q} when it does not terminate.
 *
 * @param edition edition graded under
 * @param standard the standard's version label
 * @param gradingMethod where R, α, β and the grade bands come from
 * @param tableData revision of the table data used
 * @param gradedAt when the grading was done
 * @param request the request as given
 * @param lines the working per substance entry, in request order
 * @param s S = Σ q/Q (formula (1))
 * @param sExact S exact
 * @param major {@code true} if S ≥ 1: the unit is a major hazard source (重大危险源)
 * @param exposedPeople people outside the plant within 500 m, as given
 * @param alpha α
 * @param alphaSource the α table row used
 * @param weightedSum Σ β·q/Q
 * @param weightedSumExact Σ β·q/Q exact
 * @param r R = α·Σ β·q/Q (formula (2)); {@code null} when not a major hazard source
 * @param rExact R exact, or {@code null}
 * @param grade 1 (一级, highest) to 4 (四级); {@code null} when not a major hazard source
 * @param gradeSource the grade table row used, or {@code null}
 */
public record GradingResult(Edition edition, String standard, String gradingMethod, String tableData, Instant gradedAt,
        GradingRequest request, List<GradingLine> lines, BigDecimal s, String sExact, boolean major, int exposedPeople,
        BigDecimal alpha, TableRef alphaSource, BigDecimal weightedSum, String weightedSumExact, BigDecimal r,
        String rExact, Integer grade, TableRef gradeSource) {

    public GradingResult {
        lines = List.copyOf(lines);
    }

    /** 「一级」…「四级」, or {@code null} when not a major hazard source. */
    public String gradeLabel() {
        return gradeSource == null ? null : gradeSource.row();
    }

    /**
     * The working as text, for people and logs, e.g.
     *
     * <pre>
     * GB 18218-2018《危险化学品重大危险源辨识》
     * [0] 氯: q = 20 t; Q = 5 t (GB 18218-2018 表1 [12] 氯 = 5); q/Q = 4; β = 4 (GB 18218-2018 表3 [氯] = 4); β·q/Q = 16
     * S = 4 + … = 6.5 ≥ 1: 重大危险源
     * α = 1.5 (GB 18218-2018 表5 [50人～99人] …; 75 people)
     * R = α·Σβ·q/Q = 1.5 × 19.5 = 29.25: 三级 (GB 18218-2018 表6 [三级] 50&gt;R≥10 = 3)
     * </pre>
     */
    public String working() {
        StringBuilder b = new StringBuilder(standard).append('\n');
        for (GradingLine l : lines) {
            b.append('[').append(l.index()).append("] ").append(l.substance())
                    .append(": q = ").append(l.q().toPlainString()).append(" t; Q = ").append(l.Q().toPlainString())
                    .append(" t (").append(l.qSource().label()).append("); q/Q = ").append(l.ratioExact())
                    .append("; β = ").append(l.beta().toPlainString()).append(" (").append(l.betaSource().label())
                    .append("); β·q/Q = ").append(l.weightedExact()).append('\n');
            for (String n : l.notes()) {
                b.append("    ").append(n).append('\n');
            }
        }
        b.append("S = ");
        b.append(String.join(" + ", lines.stream().map(GradingLine::ratioExact).toList()));
        if (lines.size() > 1) {
            b.append(" = ").append(sExact);
        }
        b.append(major ? " ≥ 1: 重大危险源" : " < 1: 不构成重大危险源，不分级").append('\n');
        b.append("α = ").append(alpha.toPlainString()).append(" (").append(alphaSource.label()).append("; ")
                .append(exposedPeople).append(" people)\n");
        if (major) {
            b.append("R = α·Σβ·q/Q = ").append(alpha.toPlainString()).append(" × ").append(weightedSumExact)
                    .append(" = ").append(rExact).append(": ").append(gradeLabel()).append(" (")
                    .append(gradeSource.label()).append(")\n");
        }
        return b.toString();
    }
}
