package org.hazardwatch.core.internal.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.hazardwatch.api.hazard.Equipment;
import org.hazardwatch.api.hazard.EquipmentKind;
import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.HazardSourceStatus;
import org.hazardwatch.api.hazard.HazardUnit;
import org.hazardwatch.api.hazard.InventoryItem;
import org.hazardwatch.api.hazard.RegistryBatchWriter.SourceOfEnterprise;
import org.hazardwatch.api.hazard.UnitKind;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.EnterpriseStatus;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.api.registry.UnifiedSocialCreditCode;
import org.hazardwatch.core.internal.CsvLine;

/**
 * A reproducible demo registry: enterprises under supervision with their hazard sources, units, equipment and
 * GB 18218-2018 Table 1 inventories, ready for {@link org.hazardwatch.api.hazard.RegistryBatchWriter#write}.
 *
 * <p>The same seed, count and county list always give an equal dataset (records compare by value). The first
 * enterprise is always the operator of the simulated tank farm ({@link #SPECIAL_USCC}, the same data as the
 * simulator's own registration) with the hazard sources its monitoring points name ({@code HS-A}, {@code HS-B} in
 * {@code etc/hazardwatch/points.csv}). The others are invented: valid and unique GB 32100 codes whose positions 3-8 are
 * the enterprise's county, names, addresses and contacts in the style of real registrations, coordinates near the
 * county, industry codes and groups as in {@code db/industries-gb4754-2017.csv}, weighted towards the chemical
 * provinces. Quantities are design maxima of typical tank and warehouse sizes (4.2.2); most units are major hazard
 * sources of every grade, some stay below their thresholds. Inventory names are GB 18218-2018 Table 1 names, aliases
 * or HazardWatch's match keys; substances not in Table 3 carry their Table 2 hazard symbols so β can be found.
 *
 * <p>Only JDK and {@code org.hazardwatch.api} classes are used. Ids, timestamps and read-only fields are left empty;
 * accident types are left to be derived.
 *
 * @param seed the seed the dataset was generated from
 * @param enterprises all enterprises, the simulated tank farm's operator first
 * @param sources their hazard sources, each naming its enterprise by USCC, in enterprise order
 */
public record DemoDataset(long seed, List<Enterprise> enterprises, List<SourceOfEnterprise> sources) {

    /** Classpath resource of the GB/T 2260 division table (columns code,name,level,parent_code,full_name). */
    public static final String REGIONS_RESOURCE = "/db/regions-gb2260-2023.csv";

    /** USCC of the simulated tank farm's operator, always the first enterprise. */
    public static final String SPECIAL_USCC = "91370281MA3HW2026N";

    /**
     * A county-level region with its parents, as read from the division table.
     *
     * @param code six-digit GB/T 2260 code
     * @param name the county's own name, e.g. 胶州市
     * @param fullName names from the province down, e.g. 山东省青岛市胶州市
     * @param cityCode code of its parent (four digits)
     * @param cityName name of its parent, e.g. 青岛市 (or 市辖区, 省直辖县级行政区划)
     * @param provinceCode two-digit province code
     * @param provinceName name of the province, e.g. 山东省
     */
    public record County(String code, String name, String fullName, String cityCode, String cityName,
            String provinceCode, String provinceName) {

        public County {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            if (!code.matches("\\d{6}")) {
                throw new IllegalArgumentException("a county code has six digits: " + code);
            }
            fullName = fullName == null ? name : fullName;
            cityCode = cityCode == null ? code.substring(0, 4) : cityCode;
            cityName = cityName == null ? "" : cityName;
            provinceCode = provinceCode == null ? code.substring(0, 2) : provinceCode;
            provinceName = provinceName == null ? "" : provinceName;
        }
    }

    public DemoDataset {
        enterprises = List.copyOf(enterprises);
        sources = List.copyOf(sources);
    }

    /** Generates {@code enterpriseCount} enterprises (the tank farm's operator included) over every county of China. */
    public static DemoDataset generate(long seed, int enterpriseCount) {
        return generate(seed, enterpriseCount, counties());
    }

    /**
     * Generates {@code enterpriseCount} enterprises, the simulated tank farm's operator first, the others in the given
     * counties. Deterministic: equal arguments give an equal dataset.
     *
     * @param enterpriseCount number of enterprises in all, at least 1
     * @param counties counties to place the invented enterprises in (e.g. {@link #counties()}), not empty when
     *        {@code enterpriseCount > 1}
     */
    public static DemoDataset generate(long seed, int enterpriseCount, List<County> counties) {
        if (enterpriseCount < 1) {
            throw new IllegalArgumentException("at least one enterprise (the tank farm's operator) is generated: "
                    + enterpriseCount);
        }
        Objects.requireNonNull(counties, "counties");
        if (enterpriseCount > 1 && counties.isEmpty()) {
            throw new IllegalArgumentException("no counties to place enterprises in");
        }
        return new Generator(seed, counties).run(enterpriseCount);
    }

    /** The hazard sources of one enterprise, in order. */
    public List<HazardSource> sourcesOf(String uscc) {
        return sources.stream().filter(s -> s.enterpriseUscc().equals(uscc)).map(SourceOfEnterprise::source).toList();
    }

    /** The simulated tank farm's operator, exactly as the simulator registers it. */
    public static Enterprise specialEnterprise() {
        return new Enterprise(null, SPECIAL_USCC, "青岛海湾示范化工储运有限公司（模拟）", "370281", null, null, "5942",
                IndustryGroup.PETROCHEMICALS, "山东省青岛市胶州市经济技术开发区示范路1号（模拟厂区）", 120.0335, 36.2644, "安全管理部",
                "0532-88886666", EnterpriseStatus.OPERATING, null, null);
    }

    /**
     * The simulated tank farm's hazard sources, with the areas and tanks its monitoring points name: HS-A 罐区A（液氨/液氯）
     * (T101 liquid ammonia, T102 liquid chlorine) and HS-B 罐区B（汽油） (T201, T202 gasoline, internal floating roof).
     */
    public static List<HazardSource> specialSources() {
        HazardUnit a = new HazardUnit("U1", "罐区A储存单元", UnitKind.STORAGE,
                List.of(new Equipment("T101", "T101液氨储罐", EquipmentKind.SPHERICAL_TANK, new BigDecimal("1500")),
                        new Equipment("T102", "T102液氯储罐", EquipmentKind.TANK, new BigDecimal("80"))),
                List.of(new InventoryItem("T101", "液氨", "7664-41-7", 1, List.of(), new BigDecimal("780")),
                        new InventoryItem("T102", "液氯", "7782-50-5", 12, List.of(), new BigDecimal("100"))),
                null);
        HazardUnit b = new HazardUnit("U1", "罐区B储存单元", UnitKind.STORAGE,
                List.of(new Equipment("T201", "T201汽油储罐（内浮顶）", EquipmentKind.TANK, new BigDecimal("5000")),
                        new Equipment("T202", "T202汽油储罐（内浮顶）", EquipmentKind.TANK, new BigDecimal("5000"))),
                List.of(new InventoryItem("T201", "汽油", "86290-81-5", 66, List.of("W5.1"), new BigDecimal("3290")),
                        new InventoryItem("T202", "汽油", "86290-81-5", 66, List.of("W5.1"), new BigDecimal("3290"))),
                null);
        return List.of(source("HS-A", "罐区A（液氨/液氯）", 85, 28, List.of(a)),
                source("HS-B", "罐区B（汽油）", 85, 9, List.of(b)));
    }

    private static HazardSource source(String code, String name, int exposedPeople, int potentialDeaths,
            List<HazardUnit> units) {
        return new HazardSource(null, null, null, null, code, name, HazardSourceStatus.ACTIVE, exposedPeople, null,
                List.of(), potentialDeaths, null, false, null, units, null, null);
    }

    // ------------------------------------------------------------------------------------------ regions

    /** The county-level rows of {@link #REGIONS_RESOURCE} on this class's classpath, in file order. */
    public static List<County> counties() {
        try (InputStream in = DemoDataset.class.getResourceAsStream(REGIONS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("division table missing from the classpath: " + REGIONS_RESOURCE);
            }
            return counties(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + REGIONS_RESOURCE, e);
        }
    }

    /**
     * The county-level rows of a division table in CSV (UTF-8 text, a header row naming at least {@code code},
     * {@code name}, {@code level} and {@code parent_code}, optionally {@code full_name}; lines starting with
     * {@code #} before the header are skipped), in file order, with their city and province names.
     */
    public static List<County> counties(Reader csv) throws IOException {
        BufferedReader reader = new BufferedReader(csv);
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (header == null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || (header == null && line.startsWith("#"))) {
                continue;
            }
            List<String> cells = CsvLine.split(line);
            if (header == null) {
                header = cells;
            } else {
                rows.add(cells);
            }
        }
        if (header == null) {
            throw new IOException("division table has no header");
        }
        int code = column(header, "code");
        int name = column(header, "name");
        int level = column(header, "level");
        int parent = column(header, "parent_code");
        int fullName = header.indexOf("full_name");
        Map<String, String> names = new HashMap<>(); // lookup only, never iterated
        for (List<String> row : rows) {
            names.put(cell(row, code), cell(row, name));
        }
        List<County> counties = new ArrayList<>();
        for (List<String> row : rows) {
            if (!"COUNTY".equals(cell(row, level))) {
                continue;
            }
            String countyCode = cell(row, code);
            String cityCode = cell(row, parent).isEmpty() ? countyCode.substring(0, 4) : cell(row, parent);
            String provinceCode = countyCode.substring(0, 2);
            String full = fullName < 0 || cell(row, fullName).isEmpty() ? null : cell(row, fullName);
            counties.add(new County(countyCode, cell(row, name), full, cityCode, names.getOrDefault(cityCode, ""),
                    provinceCode, names.getOrDefault(provinceCode, "")));
        }
        return List.copyOf(counties);
    }

    private static int column(List<String> header, String name) throws IOException {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IOException("division table has no column '" + name + "': " + header);
        }
        return i;
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() ? row.get(i).strip() : "";
    }

    // ------------------------------------------------------------------------------------------ substances

    /**
     * A hazardous chemical the demo stores or uses: its inventory name (a Table 1 name, alias or match key), Table 1
     * row and CAS, the Table 2 symbols it is given (for β when not in Table 3), Q and β (only to pick realistic
     * potential death tolls; grading is the grader's), and for storage the density (t/m³; for solids t/m² of
     * warehouse floor) and filling ratio.
     */
    private record Sub(String name, String label, int row, String cas, List<String> symbols, double q, double beta,
            double density, double fill) {
    }

    private static final Map<String, Sub> SUBS = new LinkedHashMap<>();

    private static void sub(String name, String label, int row, String cas, String symbols, double q, double beta,
            double density, double fill) {
        SUBS.put(name, new Sub(name, label, row, cas,
                symbols.isEmpty() ? List.of() : List.of(symbols.split(",")), q, beta, density, fill));
    }

    static {
        // liquefied and compressed gases (Table 3 toxic gases take no symbols: β comes from Table 3)
        sub("液氨", "液氨", 1, "7664-41-7", "", 10, 2, 0.61, 0.85);
        sub("液氯", "液氯", 12, "7782-50-5", "", 5, 4, 1.41, 0.88);
        sub("环氧乙烷", "环氧乙烷", 7, "75-21-8", "", 10, 2, 0.87, 0.85);
        sub("硫化氢", "硫化氢", 10, "7783-06-4", "", 5, 5, 0, 0);
        sub("光气", "光气", 6, "75-44-5", "", 0.3, 20, 0, 0);
        sub("氰化氢", "氰化氢", 25, "74-90-8", "", 1, 10, 0, 0);
        sub("氯化氢(无水)", "氯化氢", 11, "7647-01-0", "", 20, 3, 0, 0);
        sub("液化石油气", "液化石油气", 52, "68476-85-7", "W2", 50, 1.5, 0.53, 0.85);
        sub("天然气", "液化天然气", 49, "8006-14-2", "W2", 50, 1.5, 0.45, 0.90);
        sub("氢气", "氢气", 51, "1333-74-0", "W2", 5, 1.5, 0, 0);
        sub("乙烯", "乙烯", 55, "74-85-1", "W2", 50, 1.5, 0.57, 0.85);
        sub("1,3-丁二烯", "丁二烯", 47, "106-99-0", "W2", 5, 1.5, 0.62, 0.85);
        sub("氯乙烯", "氯乙烯", 50, "75-01-4", "W2", 50, 1.5, 0.91, 0.85);
        sub("二甲醚", "二甲醚", 48, "115-10-6", "W2", 50, 1.5, 0.67, 0.85);
        sub("煤气", "煤气", 13, null, "W2,J3", 20, 2, 0.0005, 1.0);
        sub("液氧", "液氧", 56, "7782-44-7", "W4", 200, 1, 1.14, 0.90);
        // flammable and toxic liquids
        sub("甲醇", "甲醇", 65, "67-56-1", "W5.3", 500, 1, 0.79, 0.90);
        sub("汽油", "汽油", 66, "86290-81-5", "W5.1", 200, 1.5, 0.73, 0.90);
        sub("苯", "苯", 57, "71-43-2", "W5.3", 50, 1, 0.88, 0.90);
        sub("甲苯", "甲苯", 64, "108-88-3", "W5.3", 500, 1, 0.87, 0.90);
        sub("苯乙烯", "苯乙烯", 58, "100-42-5", "W5.4", 500, 1, 0.91, 0.90);
        sub("丙酮", "丙酮", 59, "67-64-1", "W5.3", 500, 1, 0.79, 0.90);
        sub("丙烯腈", "丙烯腈", 60, "107-13-1", "W5.3", 50, 1, 0.81, 0.90);
        sub("乙醇", "乙醇", 67, "64-17-5", "W5.3", 500, 1, 0.79, 0.90);
        sub("乙酸乙酯", "乙酸乙酯", 69, "141-78-6", "W5.3", 500, 1, 0.90, 0.90);
        sub("环己烷", "环己烷", 62, "110-82-7", "W5.3", 500, 1, 0.78, 0.90);
        sub("正己烷", "正己烷", 70, "110-54-3", "W5.3", 500, 1, 0.66, 0.90);
        sub("1,2-环氧丙烷", "环氧丙烷", 63, "75-56-9", "W5.1", 10, 1.5, 0.83, 0.90);
        sub("环氧氯丙烷", "环氧氯丙烷", 21, "106-89-8", "W5.4", 20, 1, 1.18, 0.90);
        sub("甲苯二异氰酸酯", "TDI", 23, "26471-62-5", "J5", 100, 1, 1.22, 0.90);
        sub("溴", "溴素", 28, "7726-95-6", "J5", 20, 1, 3.10, 0.90);
        sub("硝酸", "浓硝酸", 81, "7697-37-2", "W9.2", 100, 1, 1.50, 0.90);
        sub("黄磷", "黄磷", 73, "12185-10-3", "W8", 50, 1, 1.82, 0.80);
        // solids in warehouses: density is t per m² of floor, fill the share of the floor stacked
        sub("硝酸铵(含可燃物≤0.2%)", "硝酸铵", 44, "6484-52-2", "W9.2", 50, 1, 1.2, 0.5);
        sub("氯酸钠", "氯酸钠", 79, "7775-09-9", "W9.1", 100, 1, 1.2, 0.5);
        sub("硝酸钾", "硝酸钾", 46, "7757-79-1", "W9.2", 1000, 1, 1.2, 0.5);
        sub("碳化钙", "电石", 83, "75-20-7", "W11", 100, 1, 1.2, 0.5);
        sub("钠", "金属钠", 85, "7440-23-5", "W11", 10, 1, 0.5, 0.3);
    }

    // ------------------------------------------------------------------------------------------ templates

    /**
     * Equipment of one kind in a unit: storage ({@code process == false}: tonnes = size × density × fill) or process
     * holdup ({@code process == true}: tonnes drawn from [minT, maxT]); one substance of {@code subs} per unit.
     */
    private record Spec(List<String> subs, EquipmentKind kind, String label, int[] sizes, int minCount, int maxCount,
            boolean process, double minT, double maxT) {
    }

    private record UnitT(String name, UnitKind kind, List<Spec> specs) {
    }

    private record SourceT(String name, List<UnitT> units) {
    }

    private enum Affinity { PETRO, COAL, NONE }

    private record Profile(String industryCode, IndustryGroup group, int weight, Affinity affinity,
            List<String> suffixes, List<SourceT> sources) {
    }

    private static Spec tanks(EquipmentKind kind, String label, int[] sizes, int min, int max, String... subs) {
        return new Spec(List.of(subs), kind, label, sizes, min, max, false, 0, 0);
    }

    private static Spec proc(EquipmentKind kind, String label, int[] sizes, int min, int max, double minT,
            double maxT, String... subs) {
        return new Spec(List.of(subs), kind, label, sizes, min, max, true, minT, maxT);
    }

    private static UnitT store(String name, Spec... specs) {
        return new UnitT(name, UnitKind.STORAGE, List.of(specs));
    }

    private static UnitT prod(String name, Spec... specs) {
        return new UnitT(name, UnitKind.PRODUCTION, List.of(specs));
    }

    private static SourceT src(String name, UnitT... units) {
        return new SourceT(name, List.of(units));
    }

    private static int[] s(int... sizes) {
        return sizes;
    }

    private static final EquipmentKind TANK = EquipmentKind.TANK;
    private static final EquipmentKind SPHERE = EquipmentKind.SPHERICAL_TANK;
    private static final EquipmentKind REACTOR = EquipmentKind.REACTOR;
    private static final EquipmentKind TOWER = EquipmentKind.TOWER;
    private static final EquipmentKind VESSEL = EquipmentKind.VESSEL;
    private static final EquipmentKind WAREHOUSE = EquipmentKind.WAREHOUSE;

    // shared source templates
    private static final SourceT METHANOL_TANKS = src("甲醇罐区",
            store("1#甲醇罐组", tanks(TANK, "储罐", s(1000, 2000, 5000, 10000), 2, 4, "甲醇")),
            store("2#甲醇罐组", tanks(TANK, "储罐", s(1000, 2000, 5000), 2, 3, "甲醇")));
    private static final SourceT AMMONIA_TANKS = src("液氨储罐区",
            store("液氨球罐组", tanks(SPHERE, "球罐", s(400, 1000, 2000), 1, 3, "液氨")),
            store("液氨卧罐组", tanks(TANK, "卧式储罐", s(50, 100), 2, 4, "液氨")));
    private static final SourceT CHLORINE_TANKS = src("液氯储罐区",
            store("液氯储罐组", tanks(TANK, "储罐", s(10, 20, 30, 50), 2, 4, "液氯")));
    private static final SourceT LPG_SPHERES = src("液化烃球罐区",
            store("1#液化石油气球罐组", tanks(SPHERE, "球罐", s(400, 1000, 2000), 2, 4, "液化石油气")),
            store("2#液化石油气球罐组", tanks(SPHERE, "球罐", s(400, 1000), 2, 3, "液化石油气")));
    private static final SourceT GASOLINE_TANKS = src("汽油罐区",
            store("1#汽油罐组", tanks(TANK, "内浮顶储罐", s(2000, 3000, 5000, 10000), 2, 4, "汽油")),
            store("2#汽油罐组", tanks(TANK, "内浮顶储罐", s(2000, 5000, 10000), 2, 4, "汽油")));
    private static final SourceT ACRYLONITRILE_TANKS = src("丙烯腈罐区",
            store("丙烯腈罐组", tanks(TANK, "内浮顶储罐", s(200, 500, 1000, 2000), 2, 3, "丙烯腈")));
    private static final SourceT STYRENE_TANKS = src("苯乙烯罐区",
            store("苯乙烯罐组", tanks(TANK, "储罐", s(1000, 2000, 3000, 5000), 2, 4, "苯乙烯")),
            store("苯罐组", tanks(TANK, "内浮顶储罐", s(500, 1000, 2000), 1, 2, "苯")));
    private static final SourceT SOLVENT_TANKS = src("溶剂罐区",
            store("{sub}罐组", tanks(TANK, "储罐", s(200, 500, 1000, 2000), 2, 4, "甲苯", "甲醇", "乙酸乙酯", "丙酮", "乙醇")),
            store("{sub}罐组", tanks(TANK, "储罐", s(100, 200, 500), 1, 3, "丙酮", "乙醇", "正己烷", "甲醇")));

    private static final List<Profile> PROFILES = List.of(
            new Profile("2511", IndustryGroup.PETROCHEMICALS, 6, Affinity.PETRO,
                    List.of("石化有限公司", "石油化工有限公司", "炼化有限公司", "石化股份有限公司"),
                    List.of(GASOLINE_TANKS, LPG_SPHERES,
                            src("芳烃罐区",
                                    store("苯罐组", tanks(TANK, "内浮顶储罐", s(1000, 2000, 3000), 1, 3, "苯")),
                                    store("甲苯罐组", tanks(TANK, "内浮顶储罐", s(1000, 2000, 5000), 1, 3, "甲苯"))),
                            src("加氢装置",
                                    prod("加氢反应单元", proc(REACTOR, "加氢反应器", s(60, 120, 200), 1, 2, 1, 5, "氢气"),
                                            proc(TOWER, "循环氢脱硫塔", s(20, 40), 1, 1, 0.5, 3, "硫化氢"),
                                            proc(TOWER, "产品分馏塔", s(200, 400), 1, 1, 50, 250, "汽油")),
                                    prod("制氢单元", proc(VESSEL, "PSA吸附塔", s(30, 60), 2, 4, 0.05, 0.4, "氢气"))),
                            src("催化裂化装置",
                                    prod("分馏单元", proc(TOWER, "分馏塔", s(400, 800), 1, 1, 60, 300, "汽油")),
                                    prod("气体分馏单元", proc(TOWER, "脱丙烷塔", s(150, 300), 1, 2, 20, 120, "液化石油气"))))),
            new Profile("2614", IndustryGroup.PETROCHEMICALS, 6, Affinity.PETRO,
                    List.of("化工有限公司", "化学有限公司", "石化有限公司", "化工股份有限公司"),
                    List.of(src("环氧乙烷罐区",
                                    store("环氧乙烷储罐组", tanks(TANK, "储罐", s(100, 200, 500), 2, 4, "环氧乙烷"))),
                            STYRENE_TANKS,
                            src("乙烯球罐区", store("乙烯球罐组", tanks(SPHERE, "球罐", s(1000, 2000), 1, 3, "乙烯"))),
                            src("环氧丙烷装置",
                                    prod("环氧化反应单元", proc(REACTOR, "环氧化反应器", s(40, 80), 1, 3, 3, 25, "1,2-环氧丙烷")),
                                    prod("精制单元", proc(TOWER, "环氧丙烷精馏塔", s(100, 200), 1, 2, 10, 60, "1,2-环氧丙烷"))),
                            src("醇酮罐区",
                                    store("甲醇罐组", tanks(TANK, "储罐", s(500, 1000, 2000), 2, 3, "甲醇")),
                                    store("丙酮罐组", tanks(TANK, "内浮顶储罐", s(500, 1000, 2000), 2, 3, "丙酮"))),
                            ACRYLONITRILE_TANKS)),
            new Profile("2651", IndustryGroup.PETROCHEMICALS, 4, Affinity.PETRO,
                    List.of("新材料有限公司", "树脂有限公司", "化工有限公司"),
                    List.of(src("氯乙烯球罐区",
                                    store("氯乙烯球罐组", tanks(SPHERE, "球罐", s(400, 1000, 2000), 2, 4, "氯乙烯"))),
                            src("聚合装置",
                                    prod("聚合单元", proc(REACTOR, "聚合釜", s(70, 108, 135), 2, 4, 5, 35, "氯乙烯")),
                                    prod("单体回收单元", proc(VESSEL, "回收单体罐", s(20, 50), 1, 2, 2, 15, "氯乙烯"))),
                            STYRENE_TANKS, ACRYLONITRILE_TANKS)),
            new Profile("2652", IndustryGroup.PETROCHEMICALS, 2, Affinity.PETRO,
                    List.of("橡胶有限公司", "新材料有限公司", "化工有限公司"),
                    List.of(src("丁二烯球罐区",
                                    store("丁二烯球罐组", tanks(SPHERE, "球罐", s(400, 1000), 2, 4, "1,3-丁二烯"))),
                            src("溶液聚合装置",
                                    prod("聚合单元", proc(REACTOR, "聚合釜", s(30, 60), 2, 4, 2, 12, "1,3-丁二烯"),
                                            proc(TOWER, "溶剂回收塔", s(100, 200), 1, 1, 20, 80, "环己烷"))),
                            src("溶剂罐区",
                                    store("{sub}罐组", tanks(TANK, "内浮顶储罐", s(500, 1000, 2000), 2, 3, "环己烷", "正己烷"))))),
            new Profile("2653", IndustryGroup.PETROCHEMICALS, 2, Affinity.PETRO,
                    List.of("化纤有限公司", "新材料有限公司", "石化有限公司"),
                    List.of(src("苯罐区", store("苯罐组", tanks(TANK, "内浮顶储罐", s(2000, 3000, 5000), 2, 3, "苯"))),
                            src("环己烷罐区", store("环己烷罐组", tanks(TANK, "内浮顶储罐", s(1000, 2000, 3000), 2, 3, "环己烷"))),
                            AMMONIA_TANKS, ACRYLONITRILE_TANKS)),
            new Profile("2521", IndustryGroup.COAL_CHEMICALS, 3, Affinity.COAL,
                    List.of("焦化有限公司", "煤化工有限公司", "能源化工有限公司"),
                    List.of(src("煤气柜区",
                                    store("焦炉煤气柜", tanks(EquipmentKind.OTHER, "柜", s(20000, 50000, 100000), 1, 1, "煤气"))),
                            src("粗苯罐区", store("粗苯罐组", tanks(TANK, "储罐", s(200, 500, 1000), 2, 3, "苯"))),
                            src("焦炉煤气制甲醇装置",
                                    prod("甲醇合成单元", proc(REACTOR, "甲醇合成塔", s(60, 120), 1, 1, 10, 40, "甲醇"),
                                            proc(VESSEL, "循环气分离器", s(50, 100), 1, 1, 3, 20, "煤气")),
                                    prod("甲醇精馏单元", proc(TOWER, "精馏塔", s(150, 300), 2, 3, 20, 100, "甲醇"))),
                            METHANOL_TANKS)),
            new Profile("2522", IndustryGroup.COAL_CHEMICALS, 3, Affinity.COAL,
                    List.of("煤化工有限公司", "能源化工有限公司", "煤业化工有限公司"),
                    List.of(src("煤气化装置",
                                    prod("气化单元", proc(REACTOR, "气化炉", s(80, 150), 2, 4, 3, 12, "煤气")),
                                    prod("低温甲醇洗单元", proc(TOWER, "甲醇洗涤塔", s(200, 400), 1, 2, 30, 150, "甲醇"),
                                            proc(TOWER, "硫化氢浓缩塔", s(100, 200), 1, 1, 0.3, 2.5, "硫化氢"))),
                            src("合成氨装置",
                                    prod("氨合成单元", proc(REACTOR, "氨合成塔", s(60, 120), 1, 1, 5, 30, "液氨"),
                                            proc(VESSEL, "氨分离器", s(20, 40), 1, 2, 3, 15, "液氨"))),
                            AMMONIA_TANKS, METHANOL_TANKS)),
            new Profile("2523", IndustryGroup.COAL_CHEMICALS, 2, Affinity.COAL,
                    List.of("煤化工有限公司", "能源化工有限公司", "清洁能源有限公司"),
                    List.of(src("费托合成装置",
                                    prod("合成单元", proc(REACTOR, "浆态床反应器", s(800, 1500), 1, 2, 5, 30, "煤气")),
                                    prod("油品加工单元", proc(TOWER, "稳定塔", s(200, 400), 1, 1, 30, 150, "汽油"))),
                            src("二甲醚球罐区", store("二甲醚球罐组", tanks(SPHERE, "球罐", s(400, 1000), 2, 4, "二甲醚"))),
                            LPG_SPHERES, METHANOL_TANKS)),
            new Profile("2612", IndustryGroup.OTHER, 4, Affinity.NONE,
                    List.of("氯碱化工有限公司", "氯碱有限公司", "盐化有限公司", "化工有限公司"),
                    List.of(CHLORINE_TANKS,
                            src("氯气液化装置",
                                    prod("液化单元", proc(VESSEL, "液氯贮槽", s(10, 20), 1, 3, 2, 15, "液氯")),
                                    prod("氯化氢合成单元", proc(REACTOR, "氯化氢合成炉", s(10, 20), 1, 2, 0.2, 2, "氯化氢(无水)"),
                                            proc(VESSEL, "氢气缓冲罐", s(20, 50), 1, 1, 0.02, 0.2, "氢气"))),
                            src("液氯充装站", store("钢瓶充装间", tanks(TANK, "中间储罐", s(10, 20), 1, 2, "液氯"))))),
            new Profile("2621", IndustryGroup.OTHER, 4, Affinity.COAL,
                    List.of("化肥有限公司", "化工有限公司", "化工股份有限公司"),
                    List.of(AMMONIA_TANKS,
                            src("合成氨装置",
                                    prod("氨合成单元", proc(REACTOR, "氨合成塔", s(60, 120), 1, 1, 5, 30, "液氨"),
                                            proc(VESSEL, "氨分离器", s(20, 40), 1, 2, 3, 15, "液氨")),
                                    prod("变换净化单元", proc(REACTOR, "变换炉", s(80, 150), 1, 2, 0.5, 5, "煤气")),
                                    prod("氨冷冻单元", proc(VESSEL, "液氨贮槽", s(30, 60), 1, 2, 5, 30, "液氨"))),
                            src("硝酸铵仓库",
                                    store("硝酸铵成品库", tanks(WAREHOUSE, "成品库", s(600, 1200, 2000), 1, 2, "硝酸铵(含可燃物≤0.2%)"))),
                            src("硝酸罐区", store("浓硝酸罐组", tanks(TANK, "储罐", s(200, 500, 1000), 2, 3, "硝酸"))),
                            METHANOL_TANKS)),
            new Profile("2613", IndustryGroup.OTHER, 2, Affinity.NONE,
                    List.of("化工有限公司", "化学品有限公司", "盐化有限公司"),
                    List.of(src("氯酸钠仓库", store("氯酸钠成品库", tanks(WAREHOUSE, "成品库", s(300, 600, 1200), 1, 2, "氯酸钠"))),
                            src("硝酸钾仓库", store("硝酸钾成品库", tanks(WAREHOUSE, "成品库", s(1000, 2000, 3000), 1, 2, "硝酸钾"))),
                            src("原料罐区", store("浓硝酸罐组", tanks(TANK, "储罐", s(100, 200, 500), 1, 2, "硝酸"))))),
            new Profile("2619", IndustryGroup.OTHER, 3, Affinity.COAL,
                    List.of("化工有限公司", "电化有限公司", "化学有限公司"),
                    List.of(src("电石库", store("电石成品库", tanks(WAREHOUSE, "成品库", s(1000, 2000, 4000), 1, 2, "碳化钙"))),
                            src("黄磷罐区", store("黄磷罐组", tanks(TANK, "储罐", s(100, 200, 500), 2, 3, "黄磷"))),
                            src("液氧储罐区", store("液氧储罐组", tanks(TANK, "低温储罐", s(100, 200, 500), 1, 3, "液氧"))))),
            new Profile("2631", IndustryGroup.FINE_CHEMICALS, 4, Affinity.NONE,
                    List.of("农化有限公司", "化工有限公司", "作物科学有限公司", "农药有限公司"),
                    List.of(src("光气化装置",
                                    prod("光气合成单元", proc(REACTOR, "光气合成器", s(2, 5), 1, 2, 0.05, 0.4, "光气")),
                                    prod("光气化反应单元", proc(REACTOR, "光气化反应釜", s(5, 10), 2, 4, 0.03, 0.25, "光气"),
                                            proc(VESSEL, "溶剂计量罐", s(10, 20), 1, 1, 4, 15, "甲苯"))),
                            src("液氯储罐区", store("液氯储罐组", tanks(TANK, "储罐", s(10, 20, 30), 1, 3, "液氯"))),
                            SOLVENT_TANKS,
                            src("氰化工段",
                                    prod("氰化反应单元", proc(REACTOR, "氰化反应釜", s(5, 10), 1, 3, 0.2, 1, "氰化氢"))))),
            new Profile("2641", IndustryGroup.FINE_CHEMICALS, 2, Affinity.NONE,
                    List.of("涂料有限公司", "新材料有限公司", "化工有限公司"),
                    List.of(SOLVENT_TANKS,
                            src("TDI罐区", store("TDI储罐组", tanks(TANK, "储罐", s(50, 100, 200), 1, 3, "甲苯二异氰酸酯"))),
                            src("树脂合成装置",
                                    prod("合成单元", proc(REACTOR, "反应釜", s(10, 20, 30), 2, 4, 2, 12, "甲苯", "乙酸乙酯"))))),
            new Profile("2645", IndustryGroup.FINE_CHEMICALS, 1, Affinity.NONE,
                    List.of("染料有限公司", "化工有限公司", "颜料化工有限公司"),
                    List.of(src("硝化装置",
                                    prod("硝化反应单元", proc(REACTOR, "硝化釜", s(5, 10, 20), 2, 4, 2, 10, "苯"),
                                            proc(VESSEL, "混酸计量罐", s(10, 20), 1, 2, 5, 25, "硝酸"))),
                            src("原料罐区",
                                    store("苯罐组", tanks(TANK, "储罐", s(200, 500, 1000), 1, 3, "苯")),
                                    store("浓硝酸罐组", tanks(TANK, "储罐", s(100, 200), 1, 2, "硝酸"))),
                            src("液氯储罐区", store("液氯储罐组", tanks(TANK, "储罐", s(10, 20), 1, 2, "液氯"))))),
            new Profile("2661", IndustryGroup.FINE_CHEMICALS, 2, Affinity.NONE,
                    List.of("化学有限公司", "精细化工有限公司", "新材料有限公司"),
                    List.of(src("环氧乙烷罐区",
                                    store("环氧乙烷储罐组", tanks(TANK, "储罐", s(50, 100, 200), 1, 3, "环氧乙烷"))),
                            src("乙氧基化装置",
                                    prod("乙氧基化单元", proc(REACTOR, "乙氧基化反应器", s(20, 40), 1, 3, 3, 10, "环氧乙烷"))),
                            SOLVENT_TANKS)),
            new Profile("2662", IndustryGroup.FINE_CHEMICALS, 2, Affinity.NONE,
                    List.of("化学有限公司", "精细化工有限公司", "化工有限公司"),
                    List.of(src("环氧氯丙烷罐区",
                                    store("环氧氯丙烷罐组", tanks(TANK, "储罐", s(200, 500, 1000), 1, 3, "环氧氯丙烷"))),
                            src("溴素罐区", store("溴素储罐组", tanks(TANK, "储罐", s(10, 20, 50), 1, 3, "溴"))),
                            SOLVENT_TANKS)),
            new Profile("2710", IndustryGroup.FINE_CHEMICALS, 3, Affinity.NONE,
                    List.of("药业有限公司", "制药有限公司", "医药化工有限公司", "生物医药有限公司"),
                    List.of(SOLVENT_TANKS,
                            src("加氢车间",
                                    prod("加氢反应单元", proc(REACTOR, "加氢反应釜", s(3, 5, 10), 1, 3, 0.005, 0.05, "氢气"),
                                            proc(VESSEL, "甲醇高位槽", s(5, 10), 1, 2, 2, 8, "甲醇"))),
                            src("甲类仓库", store("危险品库", tanks(WAREHOUSE, "仓库", s(100, 200, 300), 1, 1, "钠"))))),
            new Profile("5942", IndustryGroup.OTHER, 4, Affinity.PETRO,
                    List.of("仓储有限公司", "石化仓储有限公司", "化工物流有限公司", "港务储运有限公司"),
                    List.of(src("甲类罐区",
                                    store("{sub}罐组", tanks(TANK, "内浮顶储罐", s(2000, 3000, 5000, 10000), 2, 4,
                                            "甲醇", "苯", "甲苯", "苯乙烯", "丙酮", "乙酸乙酯")),
                                    store("{sub}罐组", tanks(TANK, "内浮顶储罐", s(1000, 2000, 5000), 2, 4,
                                            "甲苯", "环己烷", "丙烯腈", "乙醇"))),
                            src("液化烃罐区",
                                    store("{sub}球罐组", tanks(SPHERE, "球罐", s(1000, 2000), 2, 4, "液化石油气", "二甲醚"))),
                            src("危险化学品仓库",
                                    store("{sub}库", tanks(WAREHOUSE, "仓库", s(1000, 2000, 3000), 1, 2,
                                            "氯酸钠", "碳化钙", "硝酸铵(含可燃物≤0.2%)"))))),
            new Profile("5941", IndustryGroup.PETROCHEMICALS, 3, Affinity.PETRO,
                    List.of("油品储运有限公司", "石油储运有限公司", "能源有限公司", "石油仓储有限公司"),
                    List.of(src("汽油罐区",
                                    store("1#汽油罐组", tanks(TANK, "内浮顶储罐", s(5000, 10000, 20000), 2, 4, "汽油")),
                                    store("2#汽油罐组", tanks(TANK, "内浮顶储罐", s(5000, 10000), 2, 4, "汽油"))),
                            src("液化石油气罐区",
                                    store("液化石油气球罐组", tanks(SPHERE, "球罐", s(1000, 2000, 3000), 2, 4, "液化石油气"))),
                            src("液化天然气储罐区",
                                    store("LNG储罐组", tanks(TANK, "全容式低温储罐", s(5000, 10000, 20000), 1, 2, "天然气"))))),
            new Profile("4512", IndustryGroup.OTHER, 1, Affinity.NONE,
                    List.of("燃气有限公司", "液化气有限公司"),
                    List.of(src("液化石油气储配站",
                            store("储罐区", tanks(TANK, "卧式储罐", s(50, 100), 2, 4, "液化石油气")),
                            store("球罐区", tanks(SPHERE, "球罐", s(400), 1, 2, "液化石油气"))))),
            new Profile("4511", IndustryGroup.OTHER, 1, Affinity.NONE,
                    List.of("燃气有限公司", "天然气有限公司"),
                    List.of(src("LNG储配站",
                            store("LNG储罐组", tanks(TANK, "立式低温储罐", s(60, 150), 2, 4, "天然气")),
                            store("LNG调峰储罐", tanks(TANK, "子母罐", s(1000, 3000), 1, 1, "天然气"))))));

    /** Provinces with a weight of chemical industry; others get weight 1. */
    private static final Map<String, Integer> PROVINCE_WEIGHTS = new TreeMap<>(Map.ofEntries(
            Map.entry("37", 18), Map.entry("32", 14), Map.entry("33", 10), Map.entry("44", 8), Map.entry("13", 7),
            Map.entry("21", 7), Map.entry("42", 6), Map.entry("64", 4), Map.entry("61", 4), Map.entry("15", 4),
            Map.entry("41", 4), Map.entry("51", 4), Map.entry("34", 4), Map.entry("12", 3), Map.entry("31", 3),
            Map.entry("35", 3), Map.entry("14", 3), Map.entry("65", 3), Map.entry("36", 2), Map.entry("43", 2),
            Map.entry("45", 2), Map.entry("50", 2), Map.entry("53", 2), Map.entry("52", 2), Map.entry("62", 2),
            Map.entry("22", 2), Map.entry("23", 2), Map.entry("11", 0), Map.entry("54", 0)));

    /** The provinces the first invented enterprises go to, one each, so that even small datasets spread out. */
    private static final List<String> FIRST_PROVINCES = List.of("32", "33", "44", "13", "21", "42", "64");

    private static final Set<String> COAL_PROVINCES = Set.of("14", "15", "61", "64", "65", "52");
    private static final Set<String> PETRO_PROVINCES = Set.of("12", "21", "31", "32", "33", "35", "37", "44", "46");

    /** Counties with chemical parks, with an approximate position: code → {latitude, longitude}. */
    private static final Map<String, double[]> CHEMICAL_COUNTIES = new TreeMap<>();

    private static void hot(String code, double lat, double lon) {
        CHEMICAL_COUNTIES.put(code, new double[] { lat, lon });
    }

    static {
        hot("370305", 36.83, 118.31); // 淄博市临淄区
        hot("370523", 37.05, 118.41); // 东营市广饶县
        hot("370783", 36.88, 118.79); // 潍坊市寿光市
        hot("371728", 35.29, 115.09); // 菏泽市东明县
        hot("370211", 35.96, 120.20); // 青岛市黄岛区
        hot("371603", 37.70, 118.10); // 滨州市沾化区
        hot("370503", 37.89, 118.53); // 东营市河口区
        hot("320116", 32.32, 118.83); // 南京市六合区
        hot("320723", 34.28, 119.24); // 连云港市灌云县
        hot("321283", 32.17, 120.05); // 泰州市泰兴市
        hot("320582", 31.88, 120.55); // 苏州市张家港市
        hot("320411", 31.83, 119.97); // 常州市新北区
        hot("320623", 32.33, 121.19); // 南通市如东县
        hot("330211", 29.95, 121.60); // 宁波市镇海区
        hot("330206", 29.90, 121.84); // 宁波市北仑区
        hot("330482", 30.68, 121.02); // 嘉兴市平湖市
        hot("330604", 30.03, 120.87); // 绍兴市上虞区
        hot("330802", 28.94, 118.87); // 衢州市柯城区
        hot("330902", 30.02, 122.10); // 舟山市定海区
        hot("441303", 22.79, 114.46); // 惠州市惠阳区
        hot("440902", 21.64, 110.92); // 茂名市茂南区
        hot("445224", 23.03, 116.30); // 揭阳市惠来县
        hot("440112", 23.10, 113.46); // 广州市黄埔区
        hot("440404", 22.15, 113.36); // 珠海市金湾区
        hot("440804", 21.24, 110.46); // 湛江市坡头区
        hot("130983", 38.37, 117.33); // 沧州市黄骅市
        hot("130209", 39.27, 118.46); // 唐山市曹妃甸区
        hot("130982", 38.71, 116.10); // 沧州市任丘市
        hot("130111", 37.90, 114.65); // 石家庄市栾城区
        hot("210281", 39.63, 122.00); // 大连市瓦房店市
        hot("211104", 40.99, 122.08); // 盘锦市大洼区
        hot("210404", 41.85, 123.78); // 抚顺市望花区
        hot("211004", 41.22, 123.20); // 辽阳市宏伟区
        hot("420505", 30.53, 111.43); // 宜昌市猇亭区
        hot("420804", 30.98, 112.21); // 荆门市掇刀区
        hot("420107", 30.63, 114.39); // 武汉市青山区
        hot("429005", 30.40, 112.90); // 潜江市
        hot("420583", 30.43, 111.76); // 宜昌市枝江市
        hot("640181", 38.10, 106.34); // 银川市灵武市
        hot("640221", 38.91, 106.52); // 石嘴山市平罗县
        hot("640502", 37.51, 105.19); // 中卫市沙坡头区
        hot("610802", 38.28, 109.73); // 榆林市榆阳区
        hot("610881", 38.84, 110.50); // 榆林市神木市
        hot("610526", 34.96, 109.59); // 渭南市蒲城县
        hot("150622", 39.86, 111.24); // 鄂尔多斯市准格尔旗
        hot("150624", 39.09, 107.98); // 鄂尔多斯市鄂托克旗
        hot("150303", 39.44, 106.89); // 乌海市海南区
        hot("650202", 44.33, 84.89); // 克拉玛依市独山子区
        hot("410928", 35.71, 115.03); // 濮阳市濮阳县
        hot("410481", 33.30, 113.52); // 平顶山市舞钢市
        hot("510503", 28.77, 105.37); // 泸州市纳溪区
        hot("510182", 30.99, 103.96); // 成都市彭州市
        hot("340803", 30.51, 117.03); // 安庆市大观区
        hot("340406", 32.77, 116.83); // 淮南市潘集区
        hot("350505", 25.13, 118.92); // 泉州市泉港区
        hot("350623", 24.12, 117.61); // 漳州市漳浦县
        hot("120116", 39.03, 117.71); // 天津市滨海新区
        hot("310116", 30.74, 121.34); // 上海市金山区
        hot("140406", 36.33, 113.23); // 长治市潞城区
        hot("530181", 24.92, 102.48); // 昆明市安宁市
        hot("522702", 26.69, 107.52); // 黔南州福泉市
        hot("500115", 29.86, 107.08); // 重庆市长寿区
        hot("360429", 29.73, 116.25); // 九江市湖口县
        hot("430603", 29.47, 113.27); // 岳阳市云溪区
        hot("450702", 21.94, 108.66); // 钦州市钦南区
        hot("220203", 43.91, 126.56); // 吉林市龙潭区
        hot("230603", 46.56, 125.14); // 大庆市龙凤区
        hot("620104", 36.10, 103.63); // 兰州市西固区
        hot("620302", 38.52, 102.19); // 金昌市金川区
        hot("632801", 36.40, 94.90); // 海西州格尔木市
        hot("652801", 41.76, 86.15); // 巴音郭楞州库尔勒市
        hot("652327", 44.00, 89.18); // 昌吉州吉木萨尔县
        hot("150207", 40.60, 109.85); // 包头市九原区
        hot("530302", 25.49, 103.80); // 曲靖市麒麟区
    }

    /** A point well inside each province and how far (degrees) positions may stray from it: {lat, lon, spread}. */
    private static final Map<String, double[]> PROVINCE_CENTRES = new TreeMap<>(Map.ofEntries(
            Map.entry("11", new double[] { 40.00, 116.40, 0.3 }), Map.entry("12", new double[] { 39.20, 117.30, 0.3 }),
            Map.entry("13", new double[] { 38.50, 115.50, 0.9 }), Map.entry("14", new double[] { 37.60, 112.30, 0.9 }),
            Map.entry("15", new double[] { 40.80, 111.70, 0.9 }), Map.entry("21", new double[] { 41.50, 122.80, 0.8 }),
            Map.entry("22", new double[] { 43.70, 126.00, 0.8 }), Map.entry("23", new double[] { 46.50, 127.50, 1.0 }),
            Map.entry("31", new double[] { 31.20, 121.40, 0.2 }), Map.entry("32", new double[] { 32.80, 119.50, 0.8 }),
            Map.entry("33", new double[] { 29.50, 120.30, 0.7 }), Map.entry("34", new double[] { 31.80, 117.20, 0.8 }),
            Map.entry("35", new double[] { 26.00, 118.30, 0.8 }), Map.entry("36", new double[] { 27.80, 115.80, 0.8 }),
            Map.entry("37", new double[] { 36.30, 118.20, 0.9 }), Map.entry("41", new double[] { 34.00, 113.60, 1.0 }),
            Map.entry("42", new double[] { 30.90, 112.60, 1.0 }), Map.entry("43", new double[] { 27.60, 112.00, 1.0 }),
            Map.entry("44", new double[] { 23.30, 113.50, 0.9 }), Map.entry("45", new double[] { 23.50, 108.80, 1.0 }),
            Map.entry("46", new double[] { 19.40, 109.90, 0.4 }), Map.entry("50", new double[] { 29.80, 107.20, 0.6 }),
            Map.entry("51", new double[] { 30.40, 104.50, 0.9 }), Map.entry("52", new double[] { 26.80, 106.70, 0.8 }),
            Map.entry("53", new double[] { 25.00, 102.70, 0.9 }), Map.entry("54", new double[] { 29.70, 91.10, 0.4 }),
            Map.entry("61", new double[] { 35.00, 109.00, 0.9 }), Map.entry("62", new double[] { 36.10, 103.80, 0.7 }),
            Map.entry("63", new double[] { 36.60, 101.80, 0.4 }), Map.entry("64", new double[] { 37.80, 106.20, 0.5 }),
            Map.entry("65", new double[] { 43.80, 87.60, 0.9 })));

    private static final Map<String, String> PROVINCE_SHORT = new TreeMap<>(Map.of("15", "内蒙古", "45", "广西",
            "54", "西藏", "64", "宁夏", "65", "新疆"));

    private static final List<String> WORDS = List.of("恒泰", "鑫源", "瑞丰", "宏达", "金诚", "华信", "永盛", "天禾", "润海",
            "海晨", "博远", "汇通", "晟华", "盛源", "嘉禾", "隆昌", "德润", "正和", "富海", "昌源", "振华", "安泰", "聚源", "凯瑞",
            "宏盛", "锦程", "泰和", "明珠", "金桥", "瑞星", "远航", "天成", "华宇", "丰源", "鼎盛", "源通", "诚信", "恒昌",
            "金鼎", "泓润", "沃源", "清源", "海泰", "中鑫", "利华", "长盛", "新宇", "东方红", "兴发", "弘利", "国泰", "旭升",
            "宝源", "华星", "昊天", "同创", "明德", "开元", "和邦", "泰兴");

    private static final List<String> PARKS = List.of("化工园区", "经济技术开发区", "高新技术产业开发区", "石化产业园", "临港工业区",
            "循环经济产业园", "新材料产业园", "精细化工园区", "能源化工基地");

    private static final List<String> ROADS = List.of("纬一路", "纬二路", "纬三路", "经一路", "经二路", "经五路", "化工大道",
            "石化大道", "兴业路", "创业路", "发展大道", "滨海大道", "港城路", "振兴路", "工业园路", "海港路", "黄河路", "长江路",
            "泰山路", "昆仑路", "园区大道", "新材料路", "环保路", "安平路");

    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
            "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "程", "曹",
            "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "崔");

    private static final List<String> GIVEN = List.of("伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "敏", "静",
            "丽", "娟", "艳", "建华", "志强", "海燕", "国庆", "晓东", "红梅", "文博", "建国", "立新", "春雷", "永刚", "海涛",
            "丽娜", "晓燕", "振宇", "宏伟", "玉兰", "德明", "俊杰", "雪梅", "志远", "新民", "卫东", "秀英", "桂芳", "子健", "思远");

    private static final int[] MOBILE_PREFIXES = { 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153,
            155, 156, 157, 158, 159, 166, 176, 177, 178, 180, 181, 182, 183, 185, 186, 187, 188, 189, 191, 198, 199 };

    private static final String USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // ------------------------------------------------------------------------------------------ generator

    private static final class Generator {

        private final long seed;
        private final SplittableRandom rnd;
        private final Map<String, List<County>> byProvince = new TreeMap<>();
        private final Set<String> usccs = new HashSet<>(); // membership only
        private final Set<String> names = new HashSet<>(); // membership only

        Generator(long seed, List<County> counties) {
            this.seed = seed;
            this.rnd = new SplittableRandom(seed);
            for (County c : counties) {
                byProvince.computeIfAbsent(c.provinceCode(), k -> new ArrayList<>()).add(c);
            }
        }

        DemoDataset run(int enterpriseCount) {
            List<Enterprise> enterprises = new ArrayList<>();
            List<SourceOfEnterprise> sources = new ArrayList<>();
            Enterprise special = specialEnterprise();
            enterprises.add(special);
            usccs.add(special.uscc());
            names.add(special.name());
            for (HazardSource s : specialSources()) {
                sources.add(new SourceOfEnterprise(special.uscc(), s));
            }
            List<String> first = FIRST_PROVINCES.stream().filter(byProvince::containsKey).toList();
            for (int i = 1; i < enterpriseCount; i++) {
                String province = i - 1 < first.size() ? first.get(i - 1) : pickProvince();
                County county = pickCounty(province);
                Profile profile = pickProfile(province);
                Enterprise e = enterprise(county, profile);
                enterprises.add(e);
                for (HazardSource s : hazardSources(profile)) {
                    sources.add(new SourceOfEnterprise(e.uscc(), s));
                }
            }
            return new DemoDataset(seed, enterprises, sources);
        }

        // ---- where and what

        private String pickProvince() {
            List<String> codes = new ArrayList<>(byProvince.keySet());
            double[] weights = new double[codes.size()];
            for (int i = 0; i < codes.size(); i++) {
                weights[i] = PROVINCE_WEIGHTS.getOrDefault(codes.get(i), 1);
            }
            if (Arrays.stream(weights).sum() <= 0) {
                Arrays.fill(weights, 1);
            }
            return codes.get(weighted(weights));
        }

        /**
         * A county with a chemical park (55 %), else another county of a city with one (20 %), else any county of the
         * province, counties and county-level cities before city districts.
         */
        private County pickCounty(String province) {
            List<County> counties = byProvince.get(province);
            List<County> hot = counties.stream().filter(c -> CHEMICAL_COUNTIES.containsKey(c.code())).toList();
            double r = rnd.nextDouble();
            if (!hot.isEmpty() && r < 0.55) {
                return hot.get(rnd.nextInt(hot.size()));
            }
            if (!hot.isEmpty() && r < 0.75) {
                Set<String> cities = new HashSet<>(hot.stream().map(County::cityCode).toList()); // membership only
                counties = counties.stream().filter(c -> cities.contains(c.cityCode())).toList();
            }
            double[] weights = new double[counties.size()];
            for (int i = 0; i < weights.length; i++) {
                // counties and county-level cities host more plants than city districts
                weights[i] = counties.get(i).name().endsWith("区") ? 1 : 3;
            }
            return counties.get(weighted(weights));
        }

        private Profile pickProfile(String province) {
            double[] weights = new double[PROFILES.size()];
            for (int i = 0; i < weights.length; i++) {
                Profile p = PROFILES.get(i);
                double w = p.weight();
                if (p.affinity() == Affinity.COAL && COAL_PROVINCES.contains(province)) {
                    w *= 4;
                } else if (p.affinity() == Affinity.PETRO && PETRO_PROVINCES.contains(province)) {
                    w *= 1.5;
                }
                weights[i] = w;
            }
            return PROFILES.get(weighted(weights));
        }

        // ---- the enterprise

        private Enterprise enterprise(County county, Profile profile) {
            String uscc = uscc(county.code());
            String name = name(county, profile);
            String address = county.fullName() + pick(PARKS) + pick(ROADS) + (1 + rnd.nextInt(399)) + "号";
            double[] position = position(county);
            String contact = pick(SURNAMES) + pick(GIVEN);
            String phone = MOBILE_PREFIXES[rnd.nextInt(MOBILE_PREFIXES.length)] + "-" + digits(4) + "-" + digits(4);
            EnterpriseStatus status = rnd.nextDouble() < 0.95 ? EnterpriseStatus.OPERATING : EnterpriseStatus.SUSPENDED;
            return new Enterprise(null, uscc, name, county.code(), null, null, profile.industryCode(), profile.group(),
                    address, position[1], position[0], contact, phone, status, null, null);
        }

        /** 91 (enterprise registered by market regulation) + county + organisation code + GB 32100 check character. */
        private String uscc(String countyCode) {
            while (true) {
                StringBuilder body = new StringBuilder("91").append(countyCode);
                if (rnd.nextBoolean()) {
                    // codes issued since 2015 start with MA
                    body.append("MA");
                    for (int i = 0; i < 7; i++) {
                        body.append(USCC_CHARSET.charAt(rnd.nextInt(USCC_CHARSET.length())));
                    }
                } else {
                    // an older GB 11714 organisation code: eight digits and its check character
                    String org = digits(8);
                    body.append(org).append(organisationCheck(org));
                }
                String code = body.toString() + UnifiedSocialCreditCode.checkCharacter(body.toString());
                if (usccs.add(code)) {
                    return code;
                }
            }
        }

        private String name(County county, Profile profile) {
            for (int attempt = 0; attempt < 50; attempt++) {
                double r = rnd.nextDouble();
                String place = r < 0.55 ? countyShort(county)
                        : r < 0.9 ? cityShort(county) : provinceShort(county.provinceCode(), county.provinceName());
                if (place.isEmpty()) {
                    place = countyShort(county);
                }
                String name = place + pick(WORDS) + pick(profile.suffixes());
                if (names.add(name)) {
                    return name;
                }
            }
            String name;
            int n = 2;
            do {
                name = countyShort(county) + pick(WORDS) + "第" + n++ + pick(profile.suffixes());
            } while (!names.add(name));
            return name;
        }

        /**
         * Near the county's chemical park where known, else near a park of the same city, else somewhere around a
         * point inside the province.
         */
        private double[] position(County county) {
            double[] hot = CHEMICAL_COUNTIES.get(county.code());
            double[] sameCity = byProvince.getOrDefault(county.provinceCode(), List.of()).stream()
                    .filter(c -> c.cityCode().equals(county.cityCode()) && CHEMICAL_COUNTIES.containsKey(c.code()))
                    .map(c -> CHEMICAL_COUNTIES.get(c.code())).findFirst().orElse(null);
            double lat;
            double lon;
            if (hot != null) {
                lat = hot[0] + (rnd.nextDouble() - 0.5) * 0.08;
                lon = hot[1] + (rnd.nextDouble() - 0.5) * 0.08;
            } else if (sameCity != null) {
                lat = sameCity[0] + (rnd.nextDouble() * 2 - 1) * 0.25;
                lon = sameCity[1] + (rnd.nextDouble() * 2 - 1) * 0.3;
            } else {
                double[] c = PROVINCE_CENTRES.getOrDefault(county.provinceCode(), new double[] { 34.0, 112.0, 1.0 });
                lat = c[0] + (rnd.nextDouble() * 2 - 1) * c[2];
                lon = c[1] + (rnd.nextDouble() * 2 - 1) * c[2] * 1.2;
            }
            return new double[] { Math.round(lat * 10000) / 10000.0, Math.round(lon * 10000) / 10000.0 };
        }

        // ---- hazard sources

        private List<HazardSource> hazardSources(Profile profile) {
            int exposed = exposedPeople();
            double alpha = exposed >= 100 ? 2.0 : exposed >= 50 ? 1.5 : exposed >= 30 ? 1.2 : exposed >= 1 ? 1.0 : 0.5;
            List<SourceT> templates = new ArrayList<>(profile.sources());
            double r = rnd.nextDouble();
            int count = Math.min(templates.size(), r < 0.5 ? 1 : r < 0.85 ? 2 : 3);
            List<HazardSource> result = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                SourceT t = templates.remove(rnd.nextInt(templates.size()));
                result.add(hazardSource(String.format("HS-%02d", i + 1), t, exposed, alpha));
            }
            return result;
        }

        private HazardSource hazardSource(String code, SourceT t, int exposed, double alpha) {
            double r = rnd.nextDouble();
            int unitCount = Math.min(t.units().size(), r < 0.55 ? 1 : r < 0.9 ? 2 : 3);
            List<HazardUnit> units = new ArrayList<>();
            Set<String> unitNames = new HashSet<>(); // membership only
            String firstLabel = null;
            double maxR = 0;
            double maxS = 0;
            for (int u = 0; u < unitCount; u++) {
                UnitT ut = t.units().get(u);
                List<Equipment> equipment = new ArrayList<>();
                List<InventoryItem> inventory = new ArrayList<>();
                Map<Character, Integer> seq = new TreeMap<>();
                String unitLabel = null;
                double sumS = 0;
                double sumBeta = 0;
                for (Spec spec : ut.specs()) {
                    Sub sub = SUBS.get(spec.subs().get(rnd.nextInt(spec.subs().size())));
                    unitLabel = unitLabel == null ? sub.label() : unitLabel;
                    int size = spec.sizes()[rnd.nextInt(spec.sizes().length)];
                    int n = spec.minCount() + rnd.nextInt(spec.maxCount() - spec.minCount() + 1);
                    for (int k = 0; k < n; k++) {
                        char letter = letter(spec.kind());
                        int next = seq.merge(letter, 1, Integer::sum);
                        String eq = String.valueOf(letter) + (u + 1) + String.format("%02d", next);
                        double tonnes = spec.process()
                                ? spec.minT() + rnd.nextDouble() * (spec.maxT() - spec.minT())
                                : size * sub.density() * sub.fill();
                        BigDecimal q = tonnes(tonnes);
                        equipment.add(new Equipment(eq, eq + (spec.process() ? "" : sub.label()) + spec.label(), spec.kind(),
                                BigDecimal.valueOf(size)));
                        inventory.add(new InventoryItem(eq, sub.name(), sub.cas(), sub.row(), sub.symbols(), q));
                        double ratio = q.doubleValue() / sub.q();
                        sumS += ratio;
                        sumBeta += sub.beta() * ratio;
                    }
                }
                firstLabel = firstLabel == null ? unitLabel : firstLabel;
                String unitName = ut.name().replace("{sub}", unitLabel);
                if (!unitNames.add(unitName)) {
                    unitName = (u + 1) + "#" + unitName;
                    unitNames.add(unitName);
                }
                units.add(new HazardUnit("U" + (u + 1), unitName, ut.kind(), equipment, inventory, null));
                maxS = Math.max(maxS, sumS);
                maxR = Math.max(maxR, alpha * sumBeta);
            }
            return source(code, t.name().replace("{sub}", firstLabel), exposed, potentialDeaths(maxS, maxR), units);
        }

        /** People outside the plant within 500 m: none, few, or a village or town quarter nearby. */
        private int exposedPeople() {
            double r = rnd.nextDouble();
            if (r < 0.12) {
                return 0;
            } else if (r < 0.40) {
                return 1 + rnd.nextInt(29);
            } else if (r < 0.55) {
                return 30 + rnd.nextInt(20);
            } else if (r < 0.77) {
                return 50 + rnd.nextInt(50);
            }
            return 100 + rnd.nextInt(201);
        }

        /** A registered potential death toll roughly in step with the size of the hazard (R), 0 to 150. */
        private int potentialDeaths(double s, double r) {
            if (s < 1) {
                return rnd.nextInt(3);
            }
            double deaths = r * (0.15 + rnd.nextDouble() * 0.45) + rnd.nextInt(3);
            return (int) Math.min(150, Math.round(deaths));
        }

        // ---- helpers

        private int weighted(double[] weights) {
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            double x = rnd.nextDouble() * total;
            for (int i = 0; i < weights.length; i++) {
                x -= weights[i];
                if (x < 0 && weights[i] > 0) {
                    return i;
                }
            }
            for (int i = weights.length - 1; i >= 0; i--) {
                if (weights[i] > 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private <T> T pick(List<T> list) {
            return list.get(rnd.nextInt(list.size()));
        }

        private String digits(int n) {
            StringBuilder b = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                b.append((char) ('0' + rnd.nextInt(10)));
            }
            return b.toString();
        }
    }

    /** Letter of an equipment code by kind: T tank, R reactor, C column, V vessel, W warehouse, G gas holder. */
    private static char letter(EquipmentKind kind) {
        return switch (kind) {
            case TANK, SPHERICAL_TANK -> 'T';
            case REACTOR -> 'R';
            case TOWER -> 'C';
            case VESSEL -> 'V';
            case WAREHOUSE -> 'W';
            case PIPELINE -> 'P';
            case OTHER -> 'G';
        };
    }

    /** Design maximum in tonnes, rounded as a registration would state it. */
    private static BigDecimal tonnes(double t) {
        if (t >= 100) {
            return BigDecimal.valueOf(Math.round(t));
        }
        BigDecimal d = BigDecimal.valueOf(t).setScale(t >= 10 ? 1 : t >= 1 ? 2 : 3, RoundingMode.HALF_UP);
        return d.signum() > 0 ? d : new BigDecimal("0.001");
    }

    /** Check character of a GB 11714 organisation code body (8 characters, digits here). */
    static char organisationCheck(String body) {
        int[] weights = { 3, 7, 9, 10, 5, 8, 4, 2 };
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /** The county's name without its 区/县/市/旗 suffix, as enterprise names use it (临淄区 → 临淄). */
    static String countyShort(County county) {
        String n = county.name();
        if (n.contains("自治")) {
            return n.substring(0, 2);
        }
        for (String suffix : new String[] { "高新技术产业开发区", "经济技术开发区", "高新技术开发区", "经济开发区", "开发区",
                "工业园区", "管理区", "新区", "林区", "矿区" }) {
            if (n.endsWith(suffix) && n.length() > suffix.length() + 1) {
                return n.substring(0, n.length() - suffix.length());
            }
        }
        if (n.length() > 2 && (n.endsWith("区") || n.endsWith("县") || n.endsWith("市") || n.endsWith("旗"))) {
            return n.substring(0, n.length() - 1);
        }
        return n;
    }

    /** The city's short name (青岛市 → 青岛, 黔南布依族苗族自治州 → 黔南); empty where the parent is no city. */
    static String cityShort(County county) {
        String n = county.cityName();
        if (n.isEmpty() || n.contains("直辖") || n.equals("市辖区") || n.equals("县")) {
            return "";
        }
        if (n.contains("自治州")) {
            return n.substring(0, 2);
        }
        if (n.endsWith("地区")) {
            return n.substring(0, n.length() - 2);
        }
        if (n.length() > 2 && (n.endsWith("市") || n.endsWith("盟"))) {
            return n.substring(0, n.length() - 1);
        }
        return n;
    }

    /** The province's short name (山东省 → 山东, 宁夏回族自治区 → 宁夏, 北京市 → 北京). */
    static String provinceShort(String code, String name) {
        String known = PROVINCE_SHORT.get(code);
        if (known != null) {
            return known;
        }
        if (name.endsWith("省") || name.endsWith("市")) {
            return name.substring(0, name.length() - 1);
        }
        return name;
    }
}
