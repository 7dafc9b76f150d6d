package org.hazardwatch.core.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hazardwatch.api.hazard.Equipment;
import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.HazardSourceStatus;
import org.hazardwatch.api.hazard.HazardUnit;
import org.hazardwatch.api.hazard.InventoryItem;
import org.hazardwatch.api.hazard.RegistryBatchWriter.SourceOfEnterprise;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.EnterpriseStatus;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.api.registry.UnifiedSocialCreditCode;
import org.hazardwatch.core.internal.demo.DemoDataset.County;
import org.hazardwatch.grading.Gb18218Grader;
import org.hazardwatch.grading.GradingRequest;
import org.hazardwatch.grading.GradingResult;
import org.hazardwatch.grading.SubstanceEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoDatasetTest {

    /** GB 18218-2018 Table 1 of the grading module, relative to this module's directory (the tests' working dir). */
    private static final Path TABLE1 = Path.of("../org.hazardwatch.grading/src/main/resources/org/hazardwatch/grading/"
            + "internal/tables/gb18218_2018/table1.csv");
    /** The simulated tank farm's monitoring points. */
    private static final Path POINTS = Path.of("../../etc/hazardwatch/points.csv");

    private static List<County> counties;
    private static Set<String> countyCodes;
    private static DemoDataset dataset;

    @BeforeAll
    static void generate() throws IOException {
        counties = DemoDataset.counties();
        countyCodes = new HashSet<>();
        for (List<String> row : csv(resource(DemoDataset.REGIONS_RESOURCE))) {
            if (row.get(2).equals("COUNTY")) {
                countyCodes.add(row.get(0));
            }
        }
        dataset = DemoDataset.generate(20240601L, 150, counties);
    }

    @Test
    void theSameSeedGivesTheSameDataset() {
        DemoDataset again = DemoDataset.generate(20240601L, 150, counties);
        assertEquals(dataset, again);
        assertEquals(dataset.hashCode(), again.hashCode());
        assertEquals(dataset, DemoDataset.generate(20240601L, 150));
        DemoDataset other = DemoDataset.generate(20240602L, 150, counties);
        assertNotEquals(dataset.enterprises(), other.enterprises());
        assertEquals(dataset.enterprises().get(0), other.enterprises().get(0));
    }

    @Test
    void theRequestedNumberOfEnterprisesIsGenerated() {
        for (int n : new int[] { 1, 2, 7, 40 }) {
            DemoDataset d = DemoDataset.generate(n, n, counties);
            assertEquals(n, d.enterprises().size());
            assertEquals(n, d.enterprises().stream().map(Enterprise::uscc).distinct().count());
        }
        assertEquals(150, dataset.enterprises().size());
        assertEquals(List.of(DemoDataset.SPECIAL_USCC),
                DemoDataset.generate(1, 1, counties).enterprises().stream().map(Enterprise::uscc).toList());
        assertThrows(IllegalArgumentException.class, () -> DemoDataset.generate(1, 0, counties));
        assertThrows(IllegalArgumentException.class, () -> DemoDataset.generate(1, 2, List.of()));
    }

    @Test
    void everyUsccIsValidUniqueAndNamesTheEnterprisesCounty() {
        Set<String> seen = new HashSet<>();
        for (Enterprise e : dataset.enterprises()) {
            assertTrue(UnifiedSocialCreditCode.isValid(e.uscc()), e.uscc() + " " + UnifiedSocialCreditCode.check(e.uscc()));
            assertTrue(seen.add(e.uscc()), "repeated " + e.uscc());
            assertEquals(e.regionCode(), UnifiedSocialCreditCode.regionCode(e.uscc()), e.uscc());
            assertTrue(countyCodes.contains(e.regionCode()), e.regionCode() + " is not a county of the division table");
        }
        assertEquals(seen.size(), new HashSet<>(dataset.enterprises().stream().map(Enterprise::name).toList()).size(),
                "enterprise names repeat");
    }

    @Test
    void enterprisesSpreadOverTheChemicalProvinces() {
        Map<String, Integer> byProvince = new TreeMap<>();
        for (Enterprise e : dataset.enterprises()) {
            byProvince.merge(e.regionCode().substring(0, 2), 1, Integer::sum);
        }
        assertTrue(byProvince.size() >= 6, byProvince.toString());
        // 山东 and 江苏 lead
        int shandong = byProvince.getOrDefault("37", 0);
        int jiangsu = byProvince.getOrDefault("32", 0);
        assertTrue(shandong >= 10 && jiangsu >= 8, byProvince.toString());
        // even a small dataset reaches six provinces
        Set<String> small = new TreeSet<>();
        DemoDataset.generate(5, 7, counties).enterprises().forEach(e -> small.add(e.regionCode().substring(0, 2)));
        assertTrue(small.size() >= 6, small.toString());
    }

    @Test
    void enterpriseFieldsAreFilledAsARegistrationWould() throws IOException {
        Map<String, String> industries = new HashMap<>();
        for (List<String> row : csv(resource("/db/industries-gb4754-2017.csv"))) {
            industries.put(row.get(0), row.get(2));
        }
        Pattern mobile = Pattern.compile("1[3-9]\\d-\\d{4}-\\d{4}");
        List<Enterprise> all = dataset.enterprises();
        long operating = all.stream().filter(e -> e.status() == EnterpriseStatus.OPERATING).count();
        assertTrue(operating >= all.size() * 0.85, "operating " + operating);
        for (int i = 0; i < all.size(); i++) {
            Enterprise e = all.get(i);
            assertNull(e.id());
            assertNull(e.createdAt());
            assertNull(e.updatedAt());
            assertNull(e.regionName());
            assertTrue(industries.containsKey(e.industryCode()), e.industryCode() + " not in the industry table");
            assertNotNull(e.industryGroup());
            assertTrue(e.longitude() > 73 && e.longitude() < 136 && e.latitude() > 17 && e.latitude() < 54,
                    e.name() + " at " + e.longitude() + "," + e.latitude());
            assertFalse(e.name().isBlank());
            assertNotNull(e.contactName());
            if (i > 0) {
                assertTrue(e.name().endsWith("有限公司"), e.name());
                // the invented ones take the table's default group; the simulator's operator keeps its own
                assertEquals(IndustryGroup.valueOf(industries.get(e.industryCode())), e.industryGroup(), e.name());
                assertTrue(mobile.matcher(e.contactPhone()).matches(), e.contactPhone());
                assertTrue(e.address().startsWith(counties.stream().filter(c -> c.code().equals(e.regionCode()))
                        .findFirst().orElseThrow().fullName()), e.address());
            }
        }
    }

    @Test
    void hazardSourcesAreWellFormed() {
        Set<String> usccs = new HashSet<>(dataset.enterprises().stream().map(Enterprise::uscc).toList());
        Map<String, List<HazardSource>> byEnterprise = new TreeMap<>();
        for (SourceOfEnterprise s : dataset.sources()) {
            assertTrue(usccs.contains(s.enterpriseUscc()), s.enterpriseUscc());
            byEnterprise.computeIfAbsent(s.enterpriseUscc(), k -> new ArrayList<>()).add(s.source());
        }
        for (Enterprise e : dataset.enterprises().subList(1, dataset.enterprises().size())) {
            List<HazardSource> sources = byEnterprise.get(e.uscc());
            assertNotNull(sources, e.name() + " has no hazard source");
            assertTrue(sources.size() >= 1 && sources.size() <= 3, e.name());
            for (int i = 0; i < sources.size(); i++) {
                assertEquals(String.format("HS-%02d", i + 1), sources.get(i).code());
            }
            assertEquals(dataset.sourcesOf(e.uscc()), sources);
        }
        for (SourceOfEnterprise soe : dataset.sources()) {
            HazardSource s = soe.source();
            String where = soe.enterpriseUscc() + " " + s.code();
            assertNull(s.id(), where);
            assertNull(s.enterpriseId(), where);
            assertNull(s.enterpriseName(), where);
            assertNull(s.regionCode(), where);
            assertNull(s.accidentTypes(), where);
            assertTrue(s.derivedAccidentTypes().isEmpty(), where);
            assertNull(s.deathTollClass(), where);
            assertFalse(s.major(), where);
            assertNull(s.grade(), where);
            assertNull(s.createdAt(), where);
            assertNull(s.updatedAt(), where);
            assertEquals(HazardSourceStatus.ACTIVE, s.status(), where);
            assertFalse(s.name().isBlank(), where);
            assertTrue(s.exposedPeople() >= 0 && s.exposedPeople() <= 300, where);
            assertTrue(s.potentialDeaths() >= 0 && s.potentialDeaths() <= 150, where);
            assertTrue(s.units().size() >= 1 && s.units().size() <= 3, where);
            Set<String> equipmentCodes = new HashSet<>();
            for (int u = 0; u < s.units().size(); u++) {
                HazardUnit unit = s.units().get(u);
                assertEquals("U" + (u + 1), unit.code(), where);
                assertNull(unit.grading(), where);
                assertNotNull(unit.kind(), where);
                assertFalse(unit.equipment().isEmpty(), where);
                assertFalse(unit.inventory().isEmpty(), where);
                Set<String> own = new HashSet<>();
                for (Equipment eq : unit.equipment()) {
                    assertTrue(eq.code().matches("[TRCVWGP]\\d{3}"), where + " " + eq.code());
                    assertTrue(equipmentCodes.add(eq.code()), where + " repeats " + eq.code());
                    own.add(eq.code());
                    assertTrue(eq.designCapacity().signum() > 0, where + " " + eq.code());
                }
                for (InventoryItem item : unit.inventory()) {
                    assertTrue(own.contains(item.equipmentCode()), where + " " + item.equipmentCode());
                    assertTrue(item.tonnes().signum() > 0, where + " " + item);
                }
            }
        }
    }

    @Test
    void everySubstanceIsATable1NameOrAliasOfItsRow() throws IOException {
        Map<String, Set<Integer>> rowsByName = new HashMap<>();
        List<List<String>> table1 = csv(Files.newInputStream(TABLE1));
        assertEquals(85, table1.size());
        for (List<String> row : table1) {
            int n = Integer.parseInt(row.get(0));
            List<String> keys = new ArrayList<>();
            keys.add(row.get(1));
            keys.addAll(List.of(row.get(2).split(";")));
            keys.addAll(List.of(row.get(5).split(";"))); // extra_names: HazardWatch's match keys (汽油, 天然气, 硝酸 ...)
            for (String key : keys) {
                if (!key.isBlank()) {
                    rowsByName.computeIfAbsent(key.strip(), k -> new TreeSet<>()).add(n);
                }
            }
        }
        Set<String> used = new TreeSet<>();
        for (SourceOfEnterprise s : dataset.sources()) {
            for (HazardUnit u : s.source().units()) {
                for (InventoryItem item : u.inventory()) {
                    Set<Integer> rows = rowsByName.get(item.substance());
                    assertNotNull(rows, item.substance() + " is not a Table 1 name or alias");
                    assertTrue(rows.contains(item.tableRow()), item.substance() + " is not Table 1 row " + item.tableRow());
                    used.add(item.substance());
                }
            }
        }
        assertTrue(used.size() >= 20, "only " + used);
    }

    @Test
    void theSimulatedTankFarmsOperatorComesFirstWithTheSourcesItsPointsName() throws IOException {
        Enterprise first = dataset.enterprises().get(0);
        assertEquals(DemoDataset.specialEnterprise(), first);
        assertEquals("91370281MA3HW2026N", first.uscc());
        assertEquals("370281", first.regionCode());
        assertTrue(UnifiedSocialCreditCode.isValid(first.uscc()));
        List<HazardSource> sources = dataset.sourcesOf(first.uscc());
        assertEquals(DemoDataset.specialSources(), sources);
        HazardSource a = sources.stream().filter(s -> s.code().equals("HS-A")).findFirst().orElseThrow();
        Map<String, String> tanks = new HashMap<>();
        a.units().forEach(u -> u.inventory().forEach(i -> tanks.put(i.equipmentCode(), i.substance())));
        assertEquals("液氨", tanks.get("T101"));
        assertEquals("液氯", tanks.get("T102"));

        // every hazard source and tank a monitoring point of the operator names exists
        Pattern tank = Pattern.compile("(T\\d{3})");
        int checked = 0;
        for (List<String> point : csv(Files.newInputStream(POINTS))) {
            if (!point.get(9).equals(first.uscc())) {
                continue;
            }
            HazardSource source = sources.stream().filter(s -> s.code().equals(point.get(10))).findFirst()
                    .orElseThrow(() -> new AssertionError("no hazard source " + point.get(10)));
            assertEquals(point.get(8), source.name(), "area of " + point.get(0));
            Matcher m = tank.matcher(point.get(0));
            if (m.find()) {
                String code = m.group(1);
                assertTrue(source.units().stream().flatMap(u -> u.equipment().stream()).anyMatch(e -> e.code().equals(code)),
                        point.get(0) + ": no equipment " + code + " in " + source.code());
            }
            checked++;
        }
        assertTrue(checked >= 16, "points checked: " + checked);
    }

    @Test
    void theInventoriesGradeAndMostSourcesAreMajor() {
        Gb18218Grader grader = Gb18218Grader.create();
        int majorSources = 0;
        int minorUnits = 0;
        Set<Integer> grades = new TreeSet<>();
        for (SourceOfEnterprise soe : dataset.sources()) {
            boolean major = false;
            for (HazardUnit unit : soe.source().units()) {
                List<SubstanceEntry> entries = new ArrayList<>();
                for (InventoryItem i : unit.inventory()) {
                    entries.add(new SubstanceEntry(i.substance(), i.cas(), i.tableRow(), i.hazardCategories(), i.tonnes()));
                }
                GradingResult result = grader.grade(new GradingRequest(soe.source().exposedPeople(), entries));
                if (result.major()) {
                    major = true;
                    grades.add(result.grade());
                } else {
                    minorUnits++;
                }
            }
            majorSources += major ? 1 : 0;
        }
        assertTrue(majorSources >= dataset.sources().size() * 0.75,
                majorSources + " of " + dataset.sources().size() + " sources major");
        assertTrue(minorUnits > 0, "no unit below its threshold");
        assertEquals(Set.of(1, 2, 3, 4), grades);
    }

    @Test
    void countiesAreReadFromAnyDivisionTableByItsHeader() throws IOException {
        List<County> read = DemoDataset.counties(new StringReader("""
                # a comment
                level,code,full_name,name,parent_code
                PROVINCE,37,山东省,山东省,
                CITY,3702,山东省青岛市,青岛市,37
                COUNTY,370281,山东省青岛市胶州市,胶州市,3702
                """));
        assertEquals(List.of(new County("370281", "胶州市", "山东省青岛市胶州市", "3702", "青岛市", "37", "山东省")), read);
        County jiaozhou = counties.stream().filter(c -> c.code().equals("370281")).findFirst().orElseThrow();
        assertEquals(read.get(0), jiaozhou);
        assertEquals(countyCodes.size(), counties.size());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static InputStream resource(String name) {
        InputStream in = DemoDatasetTest.class.getResourceAsStream(name);
        assertNotNull(in, name);
        return in;
    }

    /** Data rows of a CSV file (comment lines before the header and the header skipped). */
    private static List<List<String>> csv(InputStream in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || (header && line.startsWith("#"))) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(org.hazardwatch.core.internal.CsvLine.split(line));
            }
        }
        return rows;
    }
}
