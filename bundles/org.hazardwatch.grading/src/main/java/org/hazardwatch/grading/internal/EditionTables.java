package org.hazardwatch.grading.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.hazardwatch.grading.Edition;

/**
 * The tables of one edition, loaded from the CSV files under {@code tables/} and indexed for lookup. Immutable.
 *
 * <p>2018: Tables 1–6 of GB 18218-2018. 2009: Tables 1–2 of GB 18218-2009 and 表1–表4 of the 2011 grading annex
 * (原国家安全生产监督管理总局令第40号 附件1).
 */
public final class EditionTables {

    private final Edition edition;
    private final String table1Label;
    private final String table2Label;
    private final String toxicGasLabel;
    private final String betaLabel;
    private final String alphaLabel;
    private final String gradeLabel;
    private final List<Table1Row> table1;
    private final Map<Integer, Table1Row> byRow;
    private final Map<String, List<Table1Row>> byKey;
    private final Map<String, List<Table1Row>> byCas;
    private final Map<String, Category> categories;
    private final List<ToxicGas> toxicGases;
    private final Map<String, BetaClass> betaClasses;
    private final List<AlphaRow> alphaRows;
    private final List<GradeRow> gradeRows;

    private EditionTables(Edition edition, String table1Label, String table2Label, String toxicGasLabel,
            String betaLabel, String alphaLabel, String gradeLabel, List<Table1Row> table1,
            Map<String, Category> categories, List<ToxicGas> toxicGases, Map<String, BetaClass> betaClasses,
            List<AlphaRow> alphaRows, List<GradeRow> gradeRows) {
        this.edition = edition;
        this.table1Label = table1Label;
        this.table2Label = table2Label;
        this.toxicGasLabel = toxicGasLabel;
        this.betaLabel = betaLabel;
        this.alphaLabel = alphaLabel;
        this.gradeLabel = gradeLabel;
        this.table1 = List.copyOf(table1);
        Map<Integer, Table1Row> rows = new TreeMap<>();
        Map<String, List<Table1Row>> keys = new LinkedHashMap<>();
        Map<String, List<Table1Row>> cas = new LinkedHashMap<>();
        for (Table1Row r : table1) {
            if (rows.put(r.row(), r) != null) {
                throw new IllegalStateException(table1Label + ": duplicate row " + r.row());
            }
            for (String k : r.keys()) {
                keys.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
            }
            for (String c : r.cas()) {
                cas.computeIfAbsent(c, x -> new ArrayList<>()).add(r);
            }
        }
        this.byRow = Collections.unmodifiableMap(rows);
        this.byKey = freeze(keys);
        this.byCas = freeze(cas);
        this.categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
        this.toxicGases = List.copyOf(toxicGases);
        this.betaClasses = Collections.unmodifiableMap(new LinkedHashMap<>(betaClasses));
        this.alphaRows = List.copyOf(alphaRows);
        this.gradeRows = List.copyOf(gradeRows);
    }

    private static Map<String, List<Table1Row>> freeze(Map<String, List<Table1Row>> m) {
        Map<String, List<Table1Row>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    // ---------------------------------------------------------------- loading

    /** Loads GB 18218-2018 Tables 1–6. */
    static EditionTables load2018() {
        String std = "GB 18218-2018 ";
        List<Table1Row> t1 = new ArrayList<>();
        for (Map<String, String> c : Csv.read("gb18218_2018/table1.csv")) {
            List<String> aliases = list(c.get("aliases"));
            List<String> extra = list(c.get("extra_names"));
            List<String> cas = list(c.get("cas"));
            for (String x : cas) {
                if (!Text.casCheckDigitOk(x)) {
                    throw new IllegalStateException("2018 Table 1 row " + c.get("row") + ": bad CAS " + x);
                }
            }
            t1.add(new Table1Row(Integer.parseInt(c.get("row")), c.get("name"), aliases, cas,
                    new BigDecimal(c.get("q_tonnes")), extra, "", "", List.of(), c.get("english_unofficial"),
                    keys(c.get("name"), aliases, extra)));
        }
        Map<String, BigDecimal> t4 = new LinkedHashMap<>();
        for (Map<String, String> c : Csv.read("gb18218_2018/table4.csv")) {
            t4.put(Text.symbol(c.get("code")), new BigDecimal(c.get("beta")));
        }
        Map<String, Category> t2 = new LinkedHashMap<>();
        for (Map<String, String> c : Csv.read("gb18218_2018/table2.csv")) {
            String code = Text.symbol(c.get("code"));
            BigDecimal beta = t4.get(code);
            if (beta == null) {
                throw new IllegalStateException("2018 Table 2 symbol " + code + " has no Table 4 row");
            }
            t2.put(code, new Category(code, c.get("category"), c.get("description"), new BigDecimal(c.get("q_tonnes")),
                    c.get("q_basis"), beta, ""));
        }
        if (!t2.keySet().equals(t4.keySet())) {
            throw new IllegalStateException("2018 Tables 2 and 4 list different symbols");
        }
        return new EditionTables(Edition.GB18218_2018, std + "表1", std + "表2", std + "表3", std + "表4",
                std + "表5", std + "表6", t1, t2, toxicGases("gb18218_2018/table3.csv"), Map.of(),
                alphaRows("gb18218_2018/table5.csv"), gradeRows("gb18218_2018/table6.csv"));
    }

    /** Loads GB 18218-2009 Tables 1–2 and the 2011 annex 表1–表4; CAS and extra keys come from the linked 2018 rows. */
    static EditionTables load2009(EditionTables t2018) {
        String annex = "总局令第40号附件1 ";
        List<Table1Row> t1 = new ArrayList<>();
        for (Map<String, String> c : Csv.read("gb18218_2009/table1.csv")) {
            List<Integer> linked = new ArrayList<>();
            for (String s : list(c.get("rows_2018"))) {
                linked.add(Integer.parseInt(s));
            }
            Set<String> cas = new LinkedHashSet<>();
            List<String> extra = new ArrayList<>(list(c.get("extra_names")));
            for (int r : linked) {
                Table1Row r2018 = t2018.row(r);
                if (r2018 == null) {
                    throw new IllegalStateException("2009 Table 1 row " + c.get("row") + " links to missing 2018 row " + r);
                }
                cas.addAll(r2018.cas());
                extra.add(r2018.name());
                extra.addAll(r2018.aliases());
                extra.addAll(r2018.extraNames());
            }
            t1.add(new Table1Row(Integer.parseInt(c.get("row")), c.get("name"), List.of(), List.copyOf(cas),
                    new BigDecimal(c.get("q_tonnes")), list(c.get("extra_names")), c.get("class"),
                    c.get("beta_class"), linked, "", keys(c.get("name"), List.of(), extra)));
        }
        Map<String, BetaClass> classes = new LinkedHashMap<>();
        for (Map<String, String> c : Csv.read("gb18218_2009/annex_table1.csv")) {
            String b = c.get("beta");
            classes.put(c.get("key"), new BetaClass(c.get("key"), c.get("category"),
                    b.isEmpty() ? null : new BigDecimal(b), c.get("text")));
        }
        Map<String, Category> t2 = new LinkedHashMap<>();
        for (Map<String, String> c : Csv.read("gb18218_2009/table2.csv")) {
            String code = Text.symbol(c.get("code"));
            BetaClass bc = classes.get(c.get("beta_class"));
            if (bc == null || bc.beta() == null) {
                throw new IllegalStateException("2009 Table 2 " + code + ": beta_class without β: " + c.get("beta_class"));
            }
            t2.put(code, new Category(code, c.get("category"), c.get("description"), new BigDecimal(c.get("q_tonnes")),
                    c.getOrDefault("q_basis", ""), null, bc.key()));
        }
        for (Table1Row r : t1) {
            if (!classes.containsKey(r.betaClass())) {
                throw new IllegalStateException("2009 Table 1 row " + r.row() + ": unknown beta_class " + r.betaClass());
            }
        }
        return new EditionTables(Edition.GB18218_2009, "GB 18218-2009 表1", "GB 18218-2009 表2", annex + "表2",
                annex + "表1", annex + "表3", annex + "表4", t1, t2, toxicGases("gb18218_2009/annex_table2.csv"),
                classes, alphaRows("gb18218_2009/annex_table3.csv"), gradeRows("gb18218_2009/annex_table4.csv"));
    }

    private static List<ToxicGas> toxicGases(String path) {
        List<ToxicGas> out = new ArrayList<>();
        for (Map<String, String> c : Csv.read(path)) {
            String row = c.get("table1_row");
            out.add(new ToxicGas(c.get("name"), new BigDecimal(c.get("beta")),
                    row.isEmpty() ? null : Integer.valueOf(row), keys(c.get("name"), List.of(), list(c.get("extra_names")))));
        }
        return out;
    }

    private static List<AlphaRow> alphaRows(String path) {
        List<AlphaRow> out = new ArrayList<>();
        for (Map<String, String> c : Csv.read(path)) {
            String max = c.get("max_people");
            out.add(new AlphaRow(c.get("label"), Integer.parseInt(c.get("min_people")),
                    max.isEmpty() ? null : Integer.valueOf(max), new BigDecimal(c.get("alpha"))));
        }
        return out;
    }

    private static List<GradeRow> gradeRows(String path) {
        List<GradeRow> out = new ArrayList<>();
        for (Map<String, String> c : Csv.read(path)) {
            out.add(new GradeRow(Integer.parseInt(c.get("grade")), c.get("label"), c.get("condition"),
                    bound(c.get("r_min")), bound(c.get("r_max"))));
        }
        return out;
    }

    private static Fraction bound(String s) {
        return s.isEmpty() ? null : Fraction.of(new BigDecimal(s));
    }

    private static List<String> list(String cell) {
        List<String> out = new ArrayList<>();
        if (cell == null) {
            return out;
        }
        for (String s : cell.split(";")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static List<String> keys(String name, List<String> aliases, List<String> extra) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(Text.nameKey(name));
        aliases.forEach(a -> keys.add(Text.nameKey(a)));
        extra.forEach(a -> keys.add(Text.nameKey(a)));
        keys.remove(null);
        return List.copyOf(keys);
    }

    // ---------------------------------------------------------------- lookups

    public Edition edition() {
        return edition;
    }

    public String table1Label() {
        return table1Label;
    }

    public String table2Label() {
        return table2Label;
    }

    /** 2018 Table 3; 2011 annex 表2. */
    public String toxicGasLabel() {
        return toxicGasLabel;
    }

    /** 2018 Table 4; 2011 annex 表1. */
    public String betaLabel() {
        return betaLabel;
    }

    public String alphaLabel() {
        return alphaLabel;
    }

    public String gradeLabel() {
        return gradeLabel;
    }

    public List<Table1Row> table1() {
        return table1;
    }

    public Table1Row row(int row) {
        return byRow.get(row);
    }

    /** Rows matched by a normalised name key (empty if none). */
    public List<Table1Row> rowsByName(String key) {
        return key == null ? List.of() : byKey.getOrDefault(key, List.of());
    }

    /** Rows listing a normalised CAS number (empty if none). */
    public List<Table1Row> rowsByCas(String cas) {
        return cas == null ? List.of() : byCas.getOrDefault(cas, List.of());
    }

    /** Every name key with the rows it matches (for consistency checks). */
    public Map<String, List<Table1Row>> nameKeys() {
        return byKey;
    }

    /** Every CAS with the rows listing it. */
    public Map<String, List<Table1Row>> casNumbers() {
        return byCas;
    }

    /** Table 2 categories by normalised symbol, in table order. */
    public Map<String, Category> categories() {
        return categories;
    }

    public List<ToxicGas> toxicGases() {
        return toxicGases;
    }

    /** 2011 annex 表1 rows by key (2009 only; empty for 2018). */
    public Map<String, BetaClass> betaClasses() {
        return betaClasses;
    }

    public List<AlphaRow> alphaRows() {
        return alphaRows;
    }

    public List<GradeRow> gradeRows() {
        return gradeRows;
    }

    /**
     * The toxic-gas β row for a substance: the row linked to its Table 1 row, else (for rows without a Table 1 row, i.e.
     * 一氧化碳) the row whose name matches.
     */
    public ToxicGas toxicGas(Table1Row row, String nameKey) {
        if (row != null) {
            for (ToxicGas g : toxicGases) {
                if (g.table1Row() != null && g.table1Row() == row.row()) {
                    return g;
                }
            }
        }
        if (nameKey != null) {
            for (ToxicGas g : toxicGases) {
                if (g.table1Row() == null && g.keys().contains(nameKey)) {
                    return g;
                }
            }
        }
        return null;
    }

    public AlphaRow alpha(int people) {
        for (AlphaRow a : alphaRows) {
            if (a.covers(people)) {
                return a;
            }
        }
        throw new IllegalStateException(alphaLabel + " has no row for " + people + " people");
    }

    public GradeRow grade(Fraction r) {
        for (GradeRow g : gradeRows) {
            if (g.covers(r)) {
                return g;
            }
        }
        throw new IllegalStateException(gradeLabel + " has no row for R = " + r);
    }
}
