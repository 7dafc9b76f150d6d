package org.hazardwatch.grading.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hazardwatch.grading.Edition;
import org.hazardwatch.grading.GradingException;
import org.hazardwatch.grading.GradingException.Reason;
import org.hazardwatch.grading.GradingLine;
import org.hazardwatch.grading.GradingRequest;
import org.hazardwatch.grading.GradingResult;
import org.hazardwatch.grading.MixtureRule;
import org.hazardwatch.grading.SubstanceEntry;
import org.hazardwatch.grading.TableRef;

/**
 * The identification and grading computation (GB 18218-2018 4.1.2, 4.2, 4.3; GB 18218-2009 with the 2011 annex).
 * Stateless apart from the shared immutable tables.
 */
public final class GradingEngine {

    private final Tables tables;

    public GradingEngine(Tables tables) {
        this.tables = tables;
    }

    public GradingResult grade(GradingRequest request, Instant gradedAt) {
        if (request == null) {
            throw new GradingException(Reason.INVALID_REQUEST, null, null, "request", "no request", List.of());
        }
        EditionTables t = tables.of(request.edition());
        Integer people = request.exposedPeople();
        if (people == null) {
            throw new GradingException(Reason.INVALID_REQUEST, null, null, "exposedPeople",
                    "missing: number of people outside the plant within 500 m of its boundary (α, "
                            + t.alphaLabel() + ")", List.of());
        }
        if (people < 0) {
            throw new GradingException(Reason.INVALID_VALUE, null, null, "exposedPeople",
                    "must not be negative: " + people, List.of());
        }
        if (request.substances().isEmpty()) {
            throw new GradingException(Reason.INVALID_REQUEST, null, null, "substances",
                    "no substances: a unit is identified by the hazardous chemicals in it", List.of());
        }

        List<GradingLine> lines = new ArrayList<>();
        Fraction s = Fraction.ZERO;
        Fraction weightedSum = Fraction.ZERO;
        for (int i = 0; i < request.substances().size(); i++) {
            Line line = line(t, i, request.substances().get(i));
            lines.add(line.view);
            s = s.add(line.ratio);
            weightedSum = weightedSum.add(line.weighted);
        }

        // 4.2.1: S ≥ 1 (「等于或超过」), decided on the exact value
        boolean major = s.isAtLeast(Fraction.ONE);
        AlphaRow alphaRow = t.alpha(people);
        TableRef alphaSource = new TableRef(t.alphaLabel(), alphaRow.label(), "厂外可能暴露人员数量 " + alphaRow.label(),
                alphaRow.alpha());
        BigDecimal r = null;
        String rExact = null;
        Integer grade = null;
        TableRef gradeSource = null;
        if (major) {
            Fraction exactR = Fraction.of(alphaRow.alpha()).multiply(weightedSum);
            GradeRow g = t.grade(exactR);
            r = exactR.toDisplay();
            rExact = exactR.toExactString();
            grade = g.grade();
            gradeSource = new TableRef(t.gradeLabel(), g.label(), g.condition(), BigDecimal.valueOf(g.grade()));
        }
        Edition e = request.edition();
        return new GradingResult(e, e.standard(), e.gradingMethod(), Tables.DATA_REVISION, gradedAt, request, lines,
                s.toDisplay(), s.toExactString(), major, people, alphaRow.alpha(), alphaSource,
                weightedSum.toDisplay(), weightedSum.toExactString(), r, rExact, grade, gradeSource);
    }

    private record Line(GradingLine view, Fraction ratio, Fraction weighted) {
    }

    private Line line(EditionTables t, int index, SubstanceEntry entry) {
        if (entry == null) {
            throw new GradingException(Reason.INVALID_REQUEST, index, null, null, "entry is empty", List.of());
        }
        String label = entry.label();
        BigDecimal tonnes = entry.tonnes();
        if (tonnes == null) {
            throw new GradingException(Reason.MISSING_QUANTITY, index, label, "tonnes",
                    "missing quantity q (tonnes; design maximum per 4.2.2)", List.of());
        }
        if (tonnes.signum() < 0) {
            throw new GradingException(Reason.INVALID_VALUE, index, label, "tonnes",
                    "quantity must not be negative: " + tonnes.toPlainString(), List.of());
        }
        String name = entry.name() == null || entry.name().isBlank() ? null : entry.name().strip();
        String nameKey = Text.nameKey(name);
        String cas;
        try {
            cas = Text.cas(entry.cas());
        } catch (IllegalArgumentException ex) {
            throw new GradingException(Reason.INVALID_VALUE, index, label, "cas", ex.getMessage(), List.of());
        }
        if (nameKey == null && cas == null && entry.tableRow() == null) {
            throw new GradingException(Reason.MISSING_IDENTIFICATION, index, label, "name",
                    "give the substance's name or CAS number", List.of());
        }
        List<Category> categories = categories(t, index, label, entry.hazardCategories());
        List<String> codes = categories.stream().map(Category::code).toList();
        MixtureRule mixture = entry.mixture();
        List<String> notes = new ArrayList<>();

        // ---- which Q applies (4.1.2)
        Table1Row row = null;
        if (mixture == MixtureRule.NEW_HAZARD_CLASS) {
            if (entry.tableRow() != null) {
                throw new GradingException(Reason.INVALID_VALUE, index, label, "tableRow",
                        "a mixture of a different hazard class from its pure substance is not counted by Table 1 "
                                + "(4.2.3); leave tableRow empty", List.of());
            }
            if (categories.isEmpty()) {
                throw new GradingException(Reason.MISSING_CLASSIFICATION, index, label, "hazardCategories",
                        "a mixture of a different hazard class from its pure substance takes Q by its own hazard "
                                + "categories (4.2.3); give its " + t.table2Label() + " symbols", List.of());
            }
            Table1Row component = quietMatch(t, nameKey, cas);
            notes.add("混合物与其纯物质不属于相同危险类别，按新危险类别考虑其临界量（4.2.3）"
                    + (component == null ? "" : "; pure substance " + t.table1Label() + " [" + component.row() + "] "
                            + component.name() + " not applied")
                    + "; q is the whole mixture");
        } else {
            row = matchTable1(t, index, label, nameKey, cas, entry.tableRow());
            if (mixture == MixtureRule.AS_PURE_SUBSTANCE) {
                notes.add("混合物与其纯物质属于相同危险类别，视混合物为纯物质，按混合物整体进行计算（4.2.3）");
            }
        }

        BigDecimal q;
        TableRef qSource;
        List<TableRef> qCandidates = new ArrayList<>();
        if (row != null) {
            q = row.q();
            qSource = table1Ref(t, row);
            if (!categories.isEmpty()) {
                Category min = lowestQ(categories);
                notes.add("Q from " + t.table1Label() + " (4.1.2 a); Table 2 symbols " + codes
                        + " not used for Q (lowest would be " + min.code() + " = " + min.q().toPlainString() + " t)");
            }
        } else {
            if (categories.isEmpty()) {
                throw new GradingException(Reason.UNKNOWN_SUBSTANCE, index, label, nameKey != null ? "name" : "cas",
                        "not in " + t.table1Label() + " by name or CAS; for a substance not in Table 1 give its "
                                + t.table2Label() + " hazard symbols in hazardCategories", List.of());
            }
            for (Category c : categories) {
                qCandidates.add(table2Ref(t, c));
            }
            Category min = lowestQ(categories);
            q = min.q();
            qSource = table2Ref(t, min);
            if (categories.size() > 1) {
                notes.add("several hazards: lowest Q of " + codes + " is " + min.code() + " (4.1.2 b)");
            }
            if (categories.stream().anyMatch(c -> !c.qBasis().isEmpty())) {
                notes.add(categories.stream().filter(c -> !c.qBasis().isEmpty())
                        .map(c -> c.code() + ": Q is " + c.qBasis() + ", q must be " + c.qBasis())
                        .collect(Collectors.joining("; ")));
            }
        }
        Fraction ratio = Fraction.of(tonnes).divide(Fraction.of(q));

        // ---- β (4.3: Table 3, else Table 4; 2009: annex 表2, else annex 表1 by class)
        Beta beta = t.edition() == Edition.GB18218_2009
                ? beta2009(t, index, label, row, nameKey, mixture, categories, notes)
                : beta2018(t, index, label, row, nameKey, mixture, categories, notes);
        Fraction weighted = Fraction.of(beta.value).multiply(ratio);

        String substance = row != null ? row.name() : name != null ? name : cas;
        GradingLine view = new GradingLine(index, substance, name, cas, row == null ? null : row.row(), mixture, codes,
                tonnes, q, qSource, qCandidates, ratio.toDisplay(), ratio.toExactString(), beta.value, beta.source,
                beta.candidates, weighted.toDisplay(), weighted.toExactString(), notes);
        return new Line(view, ratio, weighted);
    }

    private record Beta(BigDecimal value, TableRef source, List<TableRef> candidates) {
    }

    private Beta beta2018(EditionTables t, int index, String label, Table1Row row, String nameKey,
            MixtureRule mixture, List<Category> categories, List<String> notes) {
        ToxicGas gas = mixture == MixtureRule.NEW_HAZARD_CLASS ? null : t.toxicGas(row, nameKey);
        if (gas != null) {
            TableRef ref = new TableRef(t.toxicGasLabel(), gas.name(), gas.name(), gas.beta());
            if (!categories.isEmpty()) {
                notes.add("β from " + t.toxicGasLabel() + "; " + t.betaLabel() + " not used");
            }
            return new Beta(gas.beta(), ref, List.of(ref));
        }
        if (categories.isEmpty()) {
            throw new GradingException(Reason.MISSING_CLASSIFICATION, index, label, "hazardCategories",
                    "β: not in " + t.toxicGasLabel() + ", so β comes from " + t.betaLabel()
                            + " by the substance's hazard symbols (J1…J5, W1.1…W11); give them in hazardCategories",
                    List.of());
        }
        List<TableRef> candidates = new ArrayList<>();
        Category best = null;
        for (Category c : categories) {
            candidates.add(new TableRef(t.betaLabel(), c.code(), c.category(), c.beta()));
            if (best == null || c.beta().compareTo(best.beta()) > 0) {
                best = c;
            }
        }
        if (categories.size() > 1) {
            notes.add("several hazards: largest β of " + categories.stream().map(Category::code).toList() + " is "
                    + best.code() + " = " + best.beta().toPlainString()
                    + " (HazardWatch rule; the standard does not say, see README)");
        }
        return new Beta(best.beta(), new TableRef(t.betaLabel(), best.code(), best.category(), best.beta()), candidates);
    }

    private Beta beta2009(EditionTables t, int index, String label, Table1Row row, String nameKey,
            MixtureRule mixture, List<Category> categories, List<String> notes) {
        ToxicGas gas = mixture == MixtureRule.NEW_HAZARD_CLASS ? null : t.toxicGas(row, nameKey);
        if (gas != null) {
            TableRef ref = new TableRef(t.toxicGasLabel(), gas.name(), gas.name(), gas.beta());
            if (!categories.isEmpty()) {
                notes.add("β from " + t.toxicGasLabel() + "; hazardCategories not used for β");
            }
            return new Beta(gas.beta(), ref, List.of(ref));
        }
        List<BetaChoice> choices = new ArrayList<>();
        if (row != null && !"TOXIC_GAS".equals(row.betaClass())) {
            BetaClass bc = t.betaClasses().get(row.betaClass());
            choices.add(new BetaChoice(bc, t.table1Label() + " [" + row.row() + "] " + row.category()));
            if (!categories.isEmpty()) {
                notes.add("β by the class of the Table 1 row (" + row.category() + "); hazardCategories not used for β");
            }
        } else {
            // a 2009 Table 1 毒性气体 not in annex 表2 needs 有毒/剧毒 from the caller; a Table 2 substance its classes
            boolean toxicGasRow = row != null;
            for (Category c : categories) {
                BetaClass bc = t.betaClasses().get(c.betaClass());
                if (toxicGasRow && !bc.key().startsWith("TOXIC_GAS")) {
                    continue;
                }
                choices.add(new BetaChoice(bc, t.table2Label() + " [" + c.code() + "]"));
            }
            if (choices.isEmpty()) {
                String detail = toxicGasRow
                        ? "β: " + t.table1Label() + " [" + row.row() + "] " + row.name() + " is a 毒性气体 not listed in "
                                + t.toxicGasLabel() + "; give \"2.3-T1\" (剧毒气体, β = 4) or \"2.3\" (有毒气体, β = 2)"
                                + " in hazardCategories"
                        : "β: give the substance's " + t.table2Label() + " hazard symbols in hazardCategories";
                throw new GradingException(Reason.MISSING_CLASSIFICATION, index, label, "hazardCategories", detail,
                        List.of());
            }
        }
        List<TableRef> candidates = new ArrayList<>();
        BetaChoice best = null;
        for (BetaChoice c : choices) {
            candidates.add(c.ref(t));
            if (best == null || c.betaClass.beta().compareTo(best.betaClass.beta()) > 0) {
                best = c;
            }
        }
        if (choices.size() > 1) {
            notes.add("several hazards: largest β taken (HazardWatch rule; the method does not say, see README)");
        }
        return new Beta(best.betaClass.beta(), best.ref(t), candidates);
    }

    private record BetaChoice(BetaClass betaClass, String via) {
        TableRef ref(EditionTables t) {
            String text = (betaClass.text().isEmpty() ? "" : betaClass.text() + "; ") + "via " + via;
            return new TableRef(t.betaLabel(), betaClass.category(), text, betaClass.beta());
        }
    }

    // ---------------------------------------------------------------- Table 1 identification

    /**
     * Finds the Table 1 row of an entry, or {@code null} if it is not in Table 1.
     *
     * <ul>
     * <li>name and CAS both matching rows: the rows must overlap;</li>
     * <li>name matching rows, CAS matching none: only rows without a CAS in the standard (煤气, 硝酸铵肥料, 烷基铝) accept
     * the CAS; otherwise the two disagree;</li>
     * <li>CAS matching rows, name matching none: the name is a local label, CAS decides;</li>
     * <li>several rows left: {@code tableRow} must pick one of them; a {@code tableRow} outside them is an error;</li>
     * <li>nothing matched but {@code tableRow} given: the row is taken as named by the caller.</li>
     * </ul>
     */
    private Table1Row matchTable1(EditionTables t, int index, String label, String nameKey, String cas,
            Integer tableRow) {
        List<Table1Row> byName = t.rowsByName(nameKey);
        List<Table1Row> byCas = t.rowsByCas(cas);
        List<Table1Row> candidates;
        String how;
        if (!byName.isEmpty() && !byCas.isEmpty()) {
            candidates = byName.stream().filter(byCas::contains).toList();
            how = "name and CAS " + cas;
            if (candidates.isEmpty()) {
                throw new GradingException(Reason.NAME_CAS_MISMATCH, index, label, "cas",
                        "name matches " + rows(byName) + " but CAS " + cas + " matches " + rows(byCas)
                                + " of " + t.table1Label(), refs(t, union(byName, byCas)));
            }
        } else if (!byName.isEmpty() && cas != null) {
            candidates = byName.stream().filter(r -> r.cas().isEmpty()).toList();
            how = "name";
            if (candidates.isEmpty()) {
                throw new GradingException(Reason.NAME_CAS_MISMATCH, index, label, "cas",
                        "name matches " + rows(byName) + " of " + t.table1Label() + " whose CAS is "
                                + byName.stream().flatMap(r -> r.cas().stream()).distinct().toList() + ", not " + cas,
                        refs(t, byName));
            }
        } else if (!byName.isEmpty()) {
            candidates = byName;
            how = "name";
        } else {
            candidates = byCas;
            how = "CAS " + cas;
        }

        if (tableRow != null) {
            Table1Row picked = t.row(tableRow);
            if (picked == null) {
                throw new GradingException(Reason.INVALID_VALUE, index, label, "tableRow",
                        t.table1Label() + " has no row " + tableRow + " (rows 1–" + t.table1().size() + ")", List.of());
            }
            if (!candidates.isEmpty() && !candidates.contains(picked)) {
                throw new GradingException(Reason.NAME_CAS_MISMATCH, index, label, "tableRow",
                        "row " + tableRow + " (" + picked.name() + ") is not among the rows matching the " + how + ": "
                                + describe(candidates), refs(t, candidates));
            }
            return picked;
        }
        if (candidates.size() > 1) {
            throw new GradingException(Reason.AMBIGUOUS_TABLE_ROW, index, label, "tableRow",
                    "the " + how + " matches " + candidates.size() + " rows of " + t.table1Label()
                            + "; pick one with tableRow by the row's description: " + describe(candidates),
                    refs(t, candidates));
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    /** The single Table 1 row an entry would match, for notes only; never throws. */
    private static Table1Row quietMatch(EditionTables t, String nameKey, String cas) {
        Set<Table1Row> rows = new LinkedHashSet<>(t.rowsByName(nameKey));
        List<Table1Row> byCas = t.rowsByCas(cas);
        if (rows.isEmpty()) {
            rows.addAll(byCas);
        } else if (!byCas.isEmpty()) {
            rows.retainAll(byCas);
        }
        return rows.size() == 1 ? rows.iterator().next() : null;
    }

    private static List<Table1Row> union(List<Table1Row> a, List<Table1Row> b) {
        Set<Table1Row> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return new ArrayList<>(s);
    }

    private static String rows(List<Table1Row> rows) {
        return rows.stream().map(r -> "[" + r.row() + "] " + r.name()).collect(Collectors.joining(", "));
    }

    private static String describe(List<Table1Row> rows) {
        return rows.stream().map(r -> "[" + r.row() + "] " + r.name() + " (Q " + r.q().toPlainString() + " t)")
                .collect(Collectors.joining("; "));
    }

    private static List<TableRef> refs(EditionTables t, List<Table1Row> rows) {
        return rows.stream().map(r -> table1Ref(t, r)).toList();
    }

    private static TableRef table1Ref(EditionTables t, Table1Row row) {
        return new TableRef(t.table1Label(), String.valueOf(row.row()), row.name(), row.q());
    }

    private static TableRef table2Ref(EditionTables t, Category c) {
        return new TableRef(t.table2Label(), c.code(), c.category() + " " + c.description(), c.q());
    }

    /** Lowest Q; among equal Q the first in table order. */
    private static Category lowestQ(List<Category> categories) {
        return categories.stream().min(Comparator.comparing(Category::q)).orElseThrow();
    }

    /**
     * The entry's hazard symbols of this edition, in table order without repeats; symbols of the other edition are
     * dropped; anything else is an error.
     */
    private List<Category> categories(EditionTables t, int index, String label, List<String> given) {
        Edition other = t.edition() == Edition.GB18218_2009 ? Edition.GB18218_2018 : Edition.GB18218_2009;
        Set<Category> out = new LinkedHashSet<>();
        for (String raw : given) {
            String code = Text.symbol(raw);
            if (code == null) {
                throw new GradingException(Reason.INVALID_VALUE, index, label, "hazardCategories",
                        "empty hazard symbol", List.of());
            }
            Category c = t.categories().get(code);
            if (c != null) {
                out.add(c);
            } else if (!tables.of(other).categories().containsKey(code)) {
                throw new GradingException(Reason.INVALID_VALUE, index, label, "hazardCategories",
                        "unknown hazard symbol '" + raw + "'; " + t.table2Label() + " symbols are "
                                + String.join(", ", t.categories().keySet()), List.of());
            }
        }
        // table order, so ties in Q resolve the same way whatever the input order
        List<Category> ordered = new ArrayList<>(t.categories().values());
        ordered.retainAll(out);
        return ordered;
    }
}
