package org.hazardwatch.grading.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.hazardwatch.grading.Edition;
import org.junit.jupiter.api.Test;

/**
 * Checks the table data against the standard as given in gb18218-2018.md: row counts, every Q, CAS check digits,
 * rows sharing a CAS, Tables 2–6, the 2009 tables and the 2009 → 2018 row links. The expected values are typed here
 * from the md independently of the CSV files, so a changed cell fails a test.
 */
class TablesTest {

    private static final EditionTables T2018 = Tables.get().of(Edition.GB18218_2018);
    private static final EditionTables T2009 = Tables.get().of(Edition.GB18218_2009);

    /** GB 18218-2018 Table 1 Q (t), rows 1–85 in order (gb18218-2018.md section 2.1). */
    private static final String[] Q_2018 = {
            "10", "1", "1", "20", "1", "0.3", "10", "5", "1", "5", // 1-10
            "20", "5", "20", "1", "1", "1", "10", "20", "20", "1", // 11-20
            "20", "20", "100", "1", "1", "75", "20", "20", "20", "0.75", // 21-30
            "0.5", "0.5", "0.5", "5", "5", "1", "1", "1", "10", "50", // 31-40
            "50", "50", "5", "50", "200", "1000", "5", "50", "50", "50", // 41-50
            "5", "50", "5", "1", "50", "200", "50", "500", "500", "50", // 51-60
            "50", "500", "10", "500", "500", "200", "500", "10", "500", "500", // 61-70
            "10", "10", "50", "1", "1", "20", "20", "100", "100", "20", // 71-80
            "100", "50", "100", "1", "10" }; // 81-85

    /** row|name as printed|CAS numbers (';'-separated, empty where the standard has none). */
    private static final String[] NAMES_2018 = {
            "1|氨|7664-41-7",
            "2|二氟化氧|7783-41-7",
            "3|二氧化氮|10102-44-0",
            "4|二氧化硫|7446-09-5",
            "5|氟|7782-41-4",
            "6|碳酰氯|75-44-5",
            "7|环氧乙烷|75-21-8",
            "8|甲醛(含量>90%)|50-00-0",
            "9|磷化氢|7803-51-2",
            "10|硫化氢|7783-06-4",
            "11|氯化氢(无水)|7647-01-0",
            "12|氯|7782-50-5",
            "13|煤气(CO,CO和H₂、CH₄的混合物等)|",
            "14|砷化氢|7784-42-1",
            "15|锑化氢|7803-52-3",
            "16|硒化氢|7783-07-5",
            "17|溴甲烷|74-83-9",
            "18|丙酮氰醇|75-86-5",
            "19|丙烯醛|107-02-8",
            "20|氟化氢|7664-39-3",
            "21|1-氯-2,3-环氧丙烷|106-89-8",
            "22|3-溴-1,2-环氧丙烷|3132-64-7",
            "23|甲苯二异氰酸酯|26471-62-5",
            "24|一氯化硫|10025-67-9",
            "25|氰化氢|74-90-8",
            "26|三氧化硫|7446-11-9",
            "27|3-氨基丙烯|107-11-9",
            "28|溴|7726-95-6",
            "29|乙撑亚胺|151-56-4",
            "30|异氰酸甲酯|624-83-9",
            "31|叠氮化钡|18810-58-7",
            "32|叠氮化铅|13424-46-9",
            "33|雷汞|628-86-4",
            "34|三硝基苯甲醚|28653-16-9",
            "35|2,4,6-三硝基甲苯|118-96-7",
            "36|硝化甘油|55-63-0",
            "37|硝化纤维素[干的或含水(或乙醇)<25%]|9004-70-0",
            "38|硝化纤维素(未改型的,或增塑的,含增塑剂<18%)|9004-70-0",
            "39|硝化纤维素(含乙醇≥25%)|9004-70-0",
            "40|硝化纤维素(含氮≤12.6%)|9004-70-0",
            "41|硝化纤维素(含水≥25%)|9004-70-0",
            "42|硝化纤维素溶液(含氮量≤12.6%,含硝化纤维素≤55%)|9004-70-0",
            "43|硝酸铵(含可燃物>0.2%,包括以碳计算的任何有机物,但不包括任何其他添加剂)|6484-52-2",
            "44|硝酸铵(含可燃物≤0.2%)|6484-52-2",
            "45|硝酸铵肥料(含可燃物≤0.4%)|",
            "46|硝酸钾|7757-79-1",
            "47|1,3-丁二烯|106-99-0",
            "48|二甲醚|115-10-6",
            "49|甲烷,天然气|74-82-8;8006-14-2",
            "50|氯乙烯|75-01-4",
            "51|氢|1333-74-0",
            "52|液化石油气(含丙烷、丁烷及其混合物)|68476-85-7;74-98-6;106-97-8",
            "53|一甲胺|74-89-5",
            "54|乙炔|74-86-2",
            "55|乙烯|74-85-1",
            "56|氧(压缩的或液化的)|7782-44-7",
            "57|苯|71-43-2",
            "58|苯乙烯|100-42-5",
            "59|丙酮|67-64-1",
            "60|2-丙烯腈|107-13-1",
            "61|二硫化碳|75-15-0",
            "62|环己烷|110-82-7",
            "63|1,2-环氧丙烷|75-56-9",
            "64|甲苯|108-88-3",
            "65|甲醇|67-56-1",
            "66|汽油(乙醇汽油、甲醇汽油)|86290-81-5",
            "67|乙醇|64-17-5",
            "68|乙醚|60-29-7",
            "69|乙酸乙酯|141-78-6",
            "70|正己烷|110-54-3",
            "71|过乙酸|79-21-0",
            "72|过氧化甲基乙基酮(10%<有效氧含量≤10.7%,含A型稀释剂≥48%)|1338-23-4",
            "73|白磷|12185-10-3",
            "74|烷基铝|",
            "75|戊硼烷|19624-22-7",
            "76|过氧化钾|17014-71-0",
            "77|过氧化钠|1313-60-6",
            "78|氯酸钾|3811-04-9",
            "79|氯酸钠|7775-09-9",
            "80|发烟硝酸|52583-42-3",
            "81|硝酸(发红烟的除外,含硝酸>70%)|7697-37-2",
            "82|硝酸胍|506-93-4",
            "83|碳化钙|75-20-7",
            "84|钾|7440-09-7",
            "85|钠|7440-23-5",
    };

    /** GB 18218-2009 Table 1 Q (t), rows 1–78 (gb18218-2018.md section 4.3). */
    private static final String[] Q_2009 = {
            "0.5", "0.5", "0.5", "5", "5", "1", "10", "5", "5", "50", // 1-10
            "50", "50", "5", "50", "5", "1", "50", "10", "1", "1", // 11-20
            "20", "1", "0.3", "10", "5", "1", "5", "20", "5", "20", // 21-30
            "12", "1", "1", "10", "50", "500", "500", "50", "50", "500", // 31-40
            "10", "500", "500", "200", "500", "10", "500", "500", "50", "1", // 41-50
            "1", "100", "1", "10", "100", "20", "20", "100", "100", "20", // 51-60
            "100", "300", "1000", "10", "10", "20", "20", "1", "20", "20", // 61-70
            "100", "1", "1", "75", "20", "20", "20", "0.75" }; // 71-78

    @Test
    void table1Of2018Has85RowsNumbered1To85WithEveryQ() {
        List<Table1Row> rows = T2018.table1();
        assertEquals(85, rows.size());
        assertEquals(85, Q_2018.length);
        for (int i = 0; i < rows.size(); i++) {
            Table1Row r = rows.get(i);
            assertEquals(i + 1, r.row(), "numbering");
            assertNotNull(r.q(), "Q of row " + r.row());
            assertTrue(r.q().signum() > 0, "Q of row " + r.row());
            assertEquals(0, new BigDecimal(Q_2018[i]).compareTo(r.q()), "Q of row " + r.row() + " " + r.name());
        }
    }

    @Test
    void table1Of2018NamesAndCasAsInTheStandard() {
        assertEquals(85, NAMES_2018.length);
        for (String line : NAMES_2018) {
            String[] f = line.split("\\|", -1);
            Table1Row r = T2018.row(Integer.parseInt(f[0]));
            assertEquals(f[1], r.name(), "name of row " + f[0]);
            assertEquals(f[2].isEmpty() ? List.of() : List.of(f[2].split(";")), r.cas(), "CAS of row " + f[0]);
        }
    }

    @Test
    void everyCasOfTable1PassesItsCheckDigit() {
        int count = 0;
        for (Table1Row r : T2018.table1()) {
            for (String cas : r.cas()) {
                assertTrue(Text.casCheckDigitOk(cas), "row " + r.row() + " CAS " + cas);
                count++;
            }
        }
        // 82 rows have a CAS: one each, except row 49 (甲烷; 天然气: 2) and row 52 (LPG; 丙烷; 丁烷: 3): 80 + 2 + 3
        assertEquals(85, count);
        // 2009 rows take their CAS from the linked 2018 rows
        for (Table1Row r : T2009.table1()) {
            r.cas().forEach(cas -> assertTrue(Text.casCheckDigitOk(cas), "2009 row " + r.row() + " CAS " + cas));
        }
    }

    @Test
    void rowsWithoutCasAreExactly13And45And74() {
        Set<Integer> noCas = T2018.table1().stream().filter(r -> r.cas().isEmpty()).map(Table1Row::row)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(13, 45, 74), noCas);
    }

    @Test
    void onlyNitrocelluloseAndAmmoniumNitrateShareACas() {
        Map<String, List<Integer>> shared = new TreeMap<>();
        T2018.casNumbers().forEach((cas, rows) -> {
            if (rows.size() > 1) {
                shared.put(cas, rows.stream().map(Table1Row::row).toList());
            }
        });
        assertEquals(Map.of("9004-70-0", List.of(37, 38, 39, 40, 41, 42), "6484-52-2", List.of(43, 44)), shared);
    }

    @Test
    void onlyTheIntendedNameKeysMatchSeveralRows() {
        Map<String, List<Integer>> shared = new TreeMap<>();
        T2018.nameKeys().forEach((key, rows) -> {
            if (rows.size() > 1) {
                shared.put(key, rows.stream().map(Table1Row::row).toList());
            }
        });
        assertEquals(Map.of("硝化纤维素", List.of(37, 38, 39, 40, 41), "硝化棉", List.of(37, 38, 39, 40, 41),
                "硝酸铵", List.of(43, 44)), shared);
        Map<String, List<Integer>> shared2009 = new TreeMap<>();
        T2009.nameKeys().forEach((key, rows) -> {
            if (rows.size() > 1) {
                shared2009.put(key, rows.stream().map(Table1Row::row).toList());
            }
        });
        assertEquals(Map.of("硝酸铵", List.of(8, 62)), shared2009);
    }

    @Test
    void table2Of2018Has24CategoriesWithTheirQ() {
        Map<String, String> expected = new LinkedHashMap<>();
        String[] pairs = { "J1", "5", "J2", "50", "J3", "50", "J4", "50", "J5", "500", "W1.1", "1", "W1.2", "10",
                "W1.3", "50", "W2", "10", "W3", "150", "W4", "50", "W5.1", "10", "W5.2", "50", "W5.3", "1000",
                "W5.4", "5000", "W6.1", "10", "W6.2", "50", "W7.1", "10", "W7.2", "50", "W8", "50", "W9.1", "50",
                "W9.2", "200", "W10", "200", "W11", "200" };
        for (int i = 0; i < pairs.length; i += 2) {
            expected.put(pairs[i], pairs[i + 1]);
        }
        assertEquals(24, T2018.categories().size());
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(T2018.categories().keySet()));
        expected.forEach((code, q) -> assertEquals(0, new BigDecimal(q).compareTo(T2018.categories().get(code).q()),
                "Table 2 Q of " + code));
        assertEquals("净重", T2018.categories().get("W3").qBasis());
    }

    @Test
    void table4Of2018GivesBetaForEveryTable2Symbol() {
        String[] pairs = { "J1", "4", "J2", "1", "J3", "2", "J4", "2", "J5", "1", "W1.1", "2", "W1.2", "2", "W1.3",
                "2", "W2", "1.5", "W3", "1", "W4", "1", "W5.1", "1.5", "W5.2", "1", "W5.3", "1", "W5.4", "1", "W6.1",
                "1.5", "W6.2", "1", "W7.1", "1.5", "W7.2", "1", "W8", "1", "W9.1", "1", "W9.2", "1", "W10", "1",
                "W11", "1" };
        assertEquals(48, pairs.length);
        for (int i = 0; i < pairs.length; i += 2) {
            assertEquals(0, new BigDecimal(pairs[i + 1]).compareTo(T2018.categories().get(pairs[i]).beta()),
                    "Table 4 β of " + pairs[i]);
        }
    }

    @Test
    void table3Of2018Has14ToxicGasesLinkedToTheirTable1Rows() {
        // name, β, Table 1 row (gb18218-2018.md section 2.3)
        Object[][] expected = { { "一氧化碳", "2", null }, { "二氧化硫", "2", 4 }, { "氨", "2", 1 },
                { "环氧乙烷", "2", 7 }, { "氯化氢", "3", 11 }, { "溴甲烷", "3", 17 }, { "氯", "4", 12 },
                { "硫化氢", "5", 10 }, { "氟化氢", "5", 20 }, { "二氧化氮", "10", 3 }, { "氰化氢", "10", 25 },
                { "碳酰氯", "20", 6 }, { "磷化氢", "20", 9 }, { "异氰酸甲酯", "20", 30 } };
        List<ToxicGas> gases = T2018.toxicGases();
        assertEquals(14, gases.size());
        for (int i = 0; i < expected.length; i++) {
            ToxicGas g = gases.get(i);
            assertEquals(expected[i][0], g.name());
            assertEquals(0, new BigDecimal((String) expected[i][1]).compareTo(g.beta()), "β of " + g.name());
            assertEquals(expected[i][2], g.table1Row(), "row of " + g.name());
            if (g.table1Row() != null) {
                // the Table 3 name is a match key of the linked Table 1 row (氯化氢 ↔ 氯化氢(无水))
                assertTrue(T2018.row(g.table1Row()).keys().contains(Text.nameKey(g.name())), g.name());
            }
        }
        // one β source per Table 1 row
        assertEquals(13, gases.stream().filter(g -> g.table1Row() != null).map(ToxicGas::table1Row).distinct().count());
    }

    @Test
    void alphaTablesCoverEveryHeadCountExactlyOnce() {
        for (EditionTables t : List.of(T2018, T2009)) {
            assertEquals(5, t.alphaRows().size());
            for (int people = 0; people <= 2000; people++) {
                int p = people;
                assertEquals(1, t.alphaRows().stream().filter(a -> a.covers(p)).count(), "people " + people);
            }
            assertEquals("2.0", t.alpha(Integer.MAX_VALUE).alpha().toPlainString());
            String[][] cases = { { "0", "0.5" }, { "1", "1.0" }, { "29", "1.0" }, { "30", "1.2" }, { "49", "1.2" },
                    { "50", "1.5" }, { "99", "1.5" }, { "100", "2.0" }, { "101", "2.0" } };
            for (String[] c : cases) {
                assertEquals(c[1], t.alpha(Integer.parseInt(c[0])).alpha().toPlainString(), "α for " + c[0]);
            }
        }
    }

    @Test
    void gradeTablesPartitionRAtTenFiftyAndHundred() {
        for (EditionTables t : List.of(T2018, T2009)) {
            assertEquals(4, t.gradeRows().size());
            String[][] cases = { { "0", "4" }, { "9.999999999", "4" }, { "10", "3" }, { "49.999999999", "3" },
                    { "50", "2" }, { "99.999999999", "2" }, { "100", "1" }, { "1000000", "1" } };
            for (String[] c : cases) {
                assertEquals(Integer.parseInt(c[1]), t.grade(Fraction.of(new BigDecimal(c[0]))).grade(), "R = " + c[0]);
            }
            // just below 10 by a non-terminating amount: 10 - 1/3e9
            Fraction below = Fraction.of(10).add(Fraction.of(-1).divide(Fraction.of(3_000_000_000L)));
            assertEquals(4, t.grade(below).grade());
        }
    }

    @Test
    void table1Of2009Has78RowsWithEveryQ() {
        List<Table1Row> rows = T2009.table1();
        assertEquals(78, rows.size());
        assertEquals(78, Q_2009.length);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i + 1, rows.get(i).row());
            assertEquals(0, new BigDecimal(Q_2009[i]).compareTo(rows.get(i).q()), "2009 Q of row " + (i + 1));
        }
        // the class column decides β under the 2011 method
        for (Table1Row r : rows) {
            String expected = switch (r.category()) {
                case "爆炸品" -> "EXPLOSIVE";
                case "易燃气体" -> "FLAMMABLE_GAS";
                case "毒性气体" -> "TOXIC_GAS";
                default -> "OTHER";
            };
            assertEquals(expected, r.betaClass(), "2009 row " + r.row());
        }
        assertEquals(8, rows.stream().filter(r -> r.category().equals("爆炸品")).count());
        assertEquals(9, rows.stream().filter(r -> r.category().equals("易燃气体")).count());
        assertEquals(17, rows.stream().filter(r -> r.category().equals("毒性气体")).count());
    }

    @Test
    void rowsOf2009MapOntoRowsOf2018AsSection45Says() {
        // every 2018 row is the successor of exactly one 2009 row, except the three new rows 46 硝酸钾, 56 氧, 82 硝酸胍
        Map<Integer, Integer> successorOf = new TreeMap<>();
        for (Table1Row r : T2009.table1()) {
            for (int r2018 : r.linkedRows()) {
                assertNull(successorOf.put(r2018, r.row()), "2018 row " + r2018 + " linked twice");
            }
        }
        Set<Integer> unlinked = IntStream.rangeClosed(1, 85).boxed().filter(i -> !successorOf.containsKey(i))
                .collect(Collectors.toSet());
        assertEquals(Set.of(46, 56, 82), unlinked);
        // 78 - 1 (发烟硫酸 dropped) + 5 (硝化纤维素 split into 6) + 3 new = 85
        assertTrue(T2009.row(55).linkedRows().isEmpty());
        assertEquals("发烟硫酸", T2009.row(55).name());
        assertEquals(List.of(37, 38, 39, 40, 41, 42), T2009.row(7).linkedRows());

        // Q is unchanged for every linked row except those section 4.5 lists as changed
        Set<Integer> changed = new HashSet<>();
        for (Table1Row r : T2009.table1()) {
            for (int r2018 : r.linkedRows()) {
                if (r.q().compareTo(T2018.row(r2018).q()) != 0) {
                    changed.add(r.row());
                }
            }
        }
        assertEquals(Set.of(7, 31, 62, 63), changed);
        assertEquals("10", T2009.row(7).q().toPlainString());
        assertEquals("12", T2009.row(31).q().toPlainString()); // single source S8, to verify
        assertEquals("300", T2009.row(62).q().toPlainString());
        assertEquals("1000", T2009.row(63).q().toPlainString());
        assertEquals(List.of("9004-70-0"), T2009.row(7).cas());
    }

    @Test
    void translatesRowsBetweenEditionsOnlyWhereUnique() {
        Tables tables = Tables.get();
        assertEquals(44, tables.translateRow(Edition.GB18218_2009, 62, Edition.GB18218_2018));
        assertEquals(62, tables.translateRow(Edition.GB18218_2018, 44, Edition.GB18218_2009));
        assertEquals(7, tables.translateRow(Edition.GB18218_2018, 39, Edition.GB18218_2009));
        assertNull(tables.translateRow(Edition.GB18218_2009, 7, Edition.GB18218_2018)); // six rows
        assertNull(tables.translateRow(Edition.GB18218_2009, 55, Edition.GB18218_2018)); // 发烟硫酸
        assertNull(tables.translateRow(Edition.GB18218_2018, 56, Edition.GB18218_2009)); // 氧, new in 2018
        assertEquals(6, tables.translateRow(Edition.GB18218_2009, 23, Edition.GB18218_2018)); // 光气 → 碳酰氯
    }

    @Test
    void table2Of2009Has18CategoriesAndTheAnnexBetaTables() {
        String[] pairs = { "1.1A", "1", "1.1", "10", "1.2-1.6", "50", "2.1", "10", "2.2-OX", "200", "2.3-T1", "5",
                "2.3", "50", "3-EF", "10", "3-HF", "1000", "3-F", "5000", "4.1-I", "200", "4.2-I/II", "200",
                "4.3-I/II", "200", "5.1-I", "50", "5.1-II/III", "200", "5.2", "50", "6.1-T1", "50", "6.1-T2", "500" };
        assertEquals(18, T2009.categories().size());
        for (int i = 0; i < pairs.length; i += 2) {
            Category c = T2009.categories().get(pairs[i]);
            assertNotNull(c, pairs[i]);
            assertEquals(0, new BigDecimal(pairs[i + 1]).compareTo(c.q()), "2009 Table 2 Q of " + pairs[i]);
        }
        // 2011 annex 表1 and the note under 表2
        Map<String, String> beta = new TreeMap<>();
        T2009.betaClasses().forEach((k, v) -> beta.put(k, v.beta() == null ? null : v.beta().toPlainString()));
        Map<String, String> expected = new TreeMap<>();
        expected.put("EXPLOSIVE", "2");
        expected.put("FLAMMABLE_GAS", "1.5");
        expected.put("OTHER", "1");
        expected.put("TOXIC_GAS", null);
        expected.put("TOXIC_GAS_OTHER", "2");
        expected.put("TOXIC_GAS_HIGHLY", "4");
        assertEquals(expected, beta);
        assertEquals("EXPLOSIVE", T2009.categories().get("1.1A").betaClass());
        assertEquals("FLAMMABLE_GAS", T2009.categories().get("2.1").betaClass());
        assertEquals("TOXIC_GAS_HIGHLY", T2009.categories().get("2.3-T1").betaClass());
        assertEquals("TOXIC_GAS_OTHER", T2009.categories().get("2.3").betaClass());
        assertEquals("OTHER", T2009.categories().get("6.1-T1").betaClass());
    }

    @Test
    void annexToxicGasTableEqualsTable3Of2018AndLinksTheSameSubstances() {
        List<ToxicGas> annex = T2009.toxicGases();
        List<ToxicGas> t3 = T2018.toxicGases();
        assertEquals(14, annex.size());
        for (int i = 0; i < 14; i++) {
            assertEquals(0, t3.get(i).beta().compareTo(annex.get(i).beta()), annex.get(i).name());
            Integer row2009 = annex.get(i).table1Row();
            Integer row2018 = t3.get(i).table1Row();
            if (row2018 == null) {
                assertNull(row2009);
            } else {
                assertEquals(List.of(row2018), T2009.row(row2009).linkedRows(), annex.get(i).name());
            }
        }
    }

    @Test
    void symbolsOfTheTwoEditionsDoNotOverlap() {
        Set<String> common = new HashSet<>(T2018.categories().keySet());
        common.retainAll(T2009.categories().keySet());
        assertTrue(common.isEmpty(), common.toString());
    }

    @Test
    void csvSplitHandlesQuotesAndCommas() {
        assertEquals(List.of("13", "煤气(CO,CO和H₂)", "", "x\"y"),
                Csv.split("13,\"煤气(CO,CO和H₂)\",,\"x\"\"y\"", "t", 1));
        assertFalse(Csv.read("gb18218_2018/table1.csv").isEmpty());
    }
}
