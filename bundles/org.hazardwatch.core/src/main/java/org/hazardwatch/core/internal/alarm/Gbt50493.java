package org.hazardwatch.core.internal.alarm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hazardwatch.api.alarm.AlarmDefinition;
import org.hazardwatch.api.alarm.AlarmLimit;
import org.hazardwatch.api.alarm.StandardFinding;
import org.hazardwatch.api.alarm.StandardFinding.Severity;
import org.hazardwatch.api.alarm.ToxicGas;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.core.internal.CsvLine;

/**
 * Checks gas detectors' alarm set points against GB/T 50493-2019, clause 5.5.2 (and their ranges against 5.5.1):
 * <ul>
 * <li>combustible gas: first level (high) &lt;= 25 %LEL, second level (high-high) &lt;= 50 %LEL; range 0-100 %LEL;</li>
 * <li>toxic gas: first level &lt;= 100 % OEL, second &lt;= 200 % OEL; range 0-300 % OEL. Where no detector covers that
 * range, the range may be 0-30 % IDLH and the levels &lt;= 5 % and &lt;= 10 % IDLH. A point whose range reaches beyond
 * 300 % OEL is taken to use that alternative.</li>
 * </ul>
 * The OEL is the GBZ 2.1-2019 limit chosen by the standard's rule (MAC where set, else PC-STEL, else PC-TWA); the IDLH
 * is NIOSH's (used in ppm as published). Both come from {@code standards/gbt50493-toxic-gases.csv}; ppm and mg/m3 convert at 25 °C and
 * 101.325 kPa (24.45 L/mol).
 */
public final class Gbt50493 {

    static final String RESOURCE = "/standards/gbt50493-toxic-gases.csv";
    static final double MOLAR_VOLUME_L = 24.45;
    /** Set points are compared with a tolerance of a thousandth, so 25.0 passes as "at most 25". */
    private static final double TOLERANCE = 1.001;

    /** A limit in mg/m3 expressed in {@code unit} (ppm, ppb or mg/m3), or {@code null} when the unit is none of them. */
    static Double inUnit(ToxicGas gas, double mgM3, String unit) {
        String u = unit == null ? "" : unit.replace(" ", "").replace("\u00b3", "3").toLowerCase(Locale.ROOT);
        if (u.equals("mg/m3")) {
            return mgM3;
        }
        if (u.equals("ppm")) {
            return mgM3 * MOLAR_VOLUME_L / gas.molarMass();
        }
        if (u.equals("ppb")) {
            return mgM3 * MOLAR_VOLUME_L / gas.molarMass() * 1000;
        }
        return null;
    }

    private final Map<String, ToxicGas> gases;

    private Gbt50493(Map<String, ToxicGas> gases) {
        this.gases = gases;
    }

    /** The table shipped with HazardWatch. */
    public static Gbt50493 load() {
        try (InputStream in = Gbt50493.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bundle");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Gbt50493 parse(InputStream in) throws IOException {
        Map<String, ToxicGas> gases = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        List<String> columns = CsvLine.split(header == null ? "" : header.replace("\uFEFF", ""));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = CsvLine.split(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size() && i < cells.size(); i++) {
                row.put(columns.get(i), cells.get(i).strip());
            }
            ToxicGas gas = new ToxicGas(row.get("cas"), row.get("name_zh"), row.get("name_en"), row.get("formula"),
                    Double.parseDouble(row.get("molar_mass_g_mol")), emptyToNull(row.get("oel_basis")),
                    number(row.get("oel_mg_m3")), number(row.get("idlh_mg_m3")), number(row.get("idlh_ppm")));
            gases.put(gas.cas(), gas);
        }
        return new Gbt50493(gases);
    }

    public Collection<ToxicGas> gases() {
        return gases.values();
    }

    /** A gas by CAS number, formula or name (Chinese or English), in any case. */
    public Optional<ToxicGas> gas(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String k = key.strip();
        ToxicGas byCas = gases.get(k);
        if (byCas != null) {
            return Optional.of(byCas);
        }
        return gases.values().stream().filter(g -> k.equalsIgnoreCase(g.formula()) || k.equals(g.nameZh())
                || k.equalsIgnoreCase(g.nameEn())).findFirst();
    }

    /** The findings for one point's definition; nothing for points that are not gas detectors. */
    public List<StandardFinding> check(MonitoringPoint point, AlarmDefinition definition) {
        List<StandardFinding> findings = new ArrayList<>();
        if (point.type() == PointType.COMBUSTIBLE_GAS) {
            checkCombustible(point, definition, findings);
        } else if (point.type() == PointType.TOXIC_GAS) {
            checkToxic(point, definition, findings);
        }
        return findings;
    }

    private static void checkCombustible(MonitoringPoint p, AlarmDefinition d, List<StandardFinding> findings) {
        if (!AlarmDefaults.isPercentLel(p.unit())) {
            findings.add(new StandardFinding(p.id(), Severity.WARNING, "GBT50493-UNIT", "5.5.2",
                    "unit is '" + p.unit() + "': combustible gas set points are checked in %LEL"));
            return;
        }
        levels(p, d, findings, 25, 50, "%LEL", "25 %LEL", "50 %LEL", "COMBUSTIBLE");
        if (p.rangeLow() != 0 || p.rangeHigh() != 100) {
            findings.add(new StandardFinding(p.id(), Severity.WARNING, "GBT50493-5.5.1-COMBUSTIBLE-RANGE", "5.5.1",
                    "measuring range " + fmt(p.rangeLow()) + "-" + fmt(p.rangeHigh()) + " %LEL: the standard's range is 0-100 %LEL"));
        }
    }

    private void checkToxic(MonitoringPoint p, AlarmDefinition d, List<StandardFinding> findings) {
        if (d.substance() == null) {
            findings.add(new StandardFinding(p.id(), Severity.WARNING, "GBT50493-SUBSTANCE", "5.5.2",
                    "no gas set for this toxic gas detector: set its substance to check the set points against its OEL/IDLH"));
            return;
        }
        Optional<ToxicGas> found = gas(d.substance());
        if (found.isEmpty()) {
            findings.add(new StandardFinding(p.id(), Severity.WARNING, "GBT50493-SUBSTANCE", "5.5.2",
                    "gas '" + d.substance() + "' is not in the table: set points cannot be checked"));
            return;
        }
        ToxicGas gas = found.get();
        Double oel = gas.oelMgM3() == null ? null : inUnit(gas, gas.oelMgM3(), p.unit());
        // NIOSH states IDLH in ppm: use it as published rather than converted back and forth
        Double idlh = gas.idlhPpm() != null && isPpm(p.unit()) ? gas.idlhPpm()
                : gas.idlhMgM3() == null ? null : inUnit(gas, gas.idlhMgM3(), p.unit());
        if ((gas.oelMgM3() != null && oel == null) || (gas.idlhMgM3() != null && idlh == null)) {
            findings.add(new StandardFinding(p.id(), Severity.WARNING, "GBT50493-UNIT", "5.5.2",
                    "unit is '" + p.unit() + "': toxic gas set points are checked in ppm or mg/m3"));
            return;
        }
        String name = gas.nameZh() + " " + gas.formula();
        boolean oelRangeFits = oel != null && p.rangeHigh() <= 3 * oel * TOLERANCE;
        if (oel != null && (oelRangeFits || idlh == null)) {
            levels(p, d, findings, oel, 2 * oel, p.unit(), "100 % OEL = " + fmt(oel) + " " + p.unit() + " (" + name + ", "
                    + gas.oelBasis() + ")", "200 % OEL = " + fmt(2 * oel) + " " + p.unit(), "TOXIC-OEL");
            return;
        }
        if (idlh == null) {
            findings.add(new StandardFinding(p.id(), Severity.WARNING, "GBT50493-NO-LIMITS", "5.5.2",
                    name + " has neither an OEL nor an IDLH in the table: set points cannot be checked"));
            return;
        }
        if (oel != null) {
            findings.add(new StandardFinding(p.id(), Severity.WARNING, "GBT50493-5.5.1-TOXIC-RANGE", "5.5.1",
                    "measuring range up to " + fmt(p.rangeHigh()) + " " + p.unit() + " exceeds 300 % OEL (" + fmt(3 * oel)
                            + "): the 5 %/10 % IDLH alternative applies, permitted only where no detector covers 0-300 % OEL"));
        }
        levels(p, d, findings, 0.05 * idlh, 0.10 * idlh, p.unit(), "5 % IDLH = " + fmt(0.05 * idlh) + " " + p.unit()
                + " (" + name + ")", "10 % IDLH = " + fmt(0.10 * idlh) + " " + p.unit(), "TOXIC-IDLH");
        if (p.rangeHigh() > 0.30 * idlh * TOLERANCE) {
            findings.add(new StandardFinding(p.id(), Severity.WARNING, "GBT50493-5.5.1-TOXIC-IDLH-RANGE", "5.5.1",
                    "measuring range up to " + fmt(p.rangeHigh()) + " " + p.unit() + " exceeds 30 % IDLH ("
                            + fmt(0.30 * idlh) + ")"));
        }
    }

    private static void levels(MonitoringPoint p, AlarmDefinition d, List<StandardFinding> findings, double firstMax,
            double secondMax, String unit, String firstText, String secondText, String code) {
        AlarmLimit first = d.high();
        AlarmLimit second = d.highHigh();
        if (first == null || second == null) {
            findings.add(new StandardFinding(p.id(), Severity.VIOLATION, "GBT50493-5.5.2-LEVELS", "5.5.2",
                    "gas detectors alarm in two levels: set both the first level (high) and the second level (high-high)"));
        }
        if (first != null && first.value() > firstMax * TOLERANCE) {
            findings.add(new StandardFinding(p.id(), Severity.VIOLATION, "GBT50493-5.5.2-" + code + "-FIRST", "5.5.2",
                    "first-level alarm " + fmt(first.value()) + " " + unit + " is above " + firstText));
        }
        if (second != null && second.value() > secondMax * TOLERANCE) {
            findings.add(new StandardFinding(p.id(), Severity.VIOLATION, "GBT50493-5.5.2-" + code + "-SECOND", "5.5.2",
                    "second-level alarm " + fmt(second.value()) + " " + unit + " is above " + secondText));
        }
    }

    private static boolean isPpm(String unit) {
        return unit != null && unit.strip().equalsIgnoreCase("ppm");
    }

    static String fmt(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3g", value).replaceAll("\\.?0+$", "");
    }

    private static Double number(String text) {
        return text == null || text.isBlank() ? null : Double.valueOf(text.strip());
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
