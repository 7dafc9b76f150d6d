package org.hazardwatch.grading;

import java.math.BigDecimal;
import java.util.List;

/**
 * The working for one substance entry: q, Q and where Q came from, q/Q, β and where β came from, β·q/Q.
 *
 * <p>Decimal fields ({@code ratio}, {@code weighted}) are for display: they are the exact value cut (never rounded up) to
 * 34 significant digits; the {@code …Exact} strings carry the exact value (a decimal, or {@code p/q} when the decimal
 * does not terminate). Decisions are taken on the exact values.
 *
 * @param index index of the entry in the request's {@code substances}
 * @param substance what the substance was identified as: the Table 1 row's name, else the name given, else the CAS
 * @param name name as given
 * @param cas CAS as given, normalised ({@code null} if none)
 * @param tableRow Table 1 row (序号) used, or {@code null} if Q came from Table 2
 * @param mixture the mixture rule applied, {@code null} for a pure substance
 * @param hazardCategories the hazard symbols of this edition that were given (normalised, in table order; symbols
 *        of the other edition are left out)
 * @param q quantity in tonnes, as given
 * @param Q critical quantity (临界量) in tonnes
 * @param qSource the table row Q came from (Table 1 row, or the Table 2 category with the lowest Q)
 * @param qCandidates every Table 2 category considered for Q (empty when Q came from Table 1)
 * @param ratio q/Q for display
 * @param ratioExact q/Q exact
 * @param beta correction factor β
 * @param betaSource the table row β came from (Table 3, else Table 4; for 2009 the 2011 annex tables)
 * @param betaCandidates every row considered for β when several hazard categories were given, else just the source
 * @param weighted β·q/Q for display
 * @param weightedExact β·q/Q exact
 * @param notes the rules applied, in words (for people reading the working)
 */
public record GradingLine(int index, String substance, String name, String cas, Integer tableRow, MixtureRule mixture,
        List<String> hazardCategories, BigDecimal q, BigDecimal Q, TableRef qSource, List<TableRef> qCandidates,
        BigDecimal ratio, String ratioExact, BigDecimal beta, TableRef betaSource, List<TableRef> betaCandidates,
        BigDecimal weighted, String weightedExact, List<String> notes) {

    public GradingLine {
        hazardCategories = List.copyOf(hazardCategories);
        qCandidates = List.copyOf(qCandidates);
        betaCandidates = List.copyOf(betaCandidates);
        notes = List.copyOf(notes);
    }
}
