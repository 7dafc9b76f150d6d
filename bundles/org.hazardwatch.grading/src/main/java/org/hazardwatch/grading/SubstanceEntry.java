package org.hazardwatch.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One hazardous chemical (or mixture) present in the unit.
 *
 * @param name name as written by the user (Chinese standard name, alias, or a local label); matched against Table 1 after
 *        normalisation (full-width/half-width, spaces, case of Latin letters)
 * @param cas CAS number, optional; where both name and CAS match Table 1 rows they must agree
 * @param tableRow Table 1 row number (序号) of the request's edition; picks among rows that share a CAS or a name
 *        (硝化纤维素, 硝酸铵), or names the row of a substance entered under a local label
 * @param hazardCategories hazard symbols: for GB 18218-2018 the Table 2/Table 4 symbols {@code J1}…{@code J5},
 *        {@code W1.1}…{@code W11}; for GB 18218-2009 the symbols of this module's 2009 Table 2 ({@code 1.1A}, {@code 2.1},
 *        {@code 2.3-T1}, {@code 3-HF}, … see the README). Symbols of the other edition are ignored, so one record can carry
 *        both classifications. Needed for Q of a substance not in Table 1, and for β of a substance not in Table 3
 * @param tonnes quantity q in tonnes: the design maximum for tanks, containers, equipment and warehouses (4.2.2); net
 *        weight for aerosols (W3)
 * @param mixture {@code null} for a pure substance, else how the mixture is counted (4.2.3)
 */
public record SubstanceEntry(String name, String cas, Integer tableRow, List<String> hazardCategories, BigDecimal tonnes,
        MixtureRule mixture) {

    public SubstanceEntry {
        hazardCategories = hazardCategories == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(hazardCategories));
    }

    /** A pure substance (no mixture rule); the shape of the REST contract. */
    public SubstanceEntry(String name, String cas, Integer tableRow, List<String> hazardCategories, BigDecimal tonnes) {
        this(name, cas, tableRow, hazardCategories, tonnes, null);
    }

    /** A substance identified by name only. */
    public static SubstanceEntry named(String name, BigDecimal tonnes) {
        return new SubstanceEntry(name, null, null, List.of(), tonnes, null);
    }

    /** A substance identified by CAS only. */
    public static SubstanceEntry byCas(String cas, BigDecimal tonnes) {
        return new SubstanceEntry(null, cas, null, List.of(), tonnes, null);
    }

    public SubstanceEntry withName(String newName) {
        return new SubstanceEntry(newName, cas, tableRow, hazardCategories, tonnes, mixture);
    }

    public SubstanceEntry withCas(String newCas) {
        return new SubstanceEntry(name, newCas, tableRow, hazardCategories, tonnes, mixture);
    }

    public SubstanceEntry withTableRow(Integer newTableRow) {
        return new SubstanceEntry(name, cas, newTableRow, hazardCategories, tonnes, mixture);
    }

    public SubstanceEntry withHazardCategories(String... categories) {
        return new SubstanceEntry(name, cas, tableRow, Arrays.asList(categories), tonnes, mixture);
    }

    public SubstanceEntry withTonnes(BigDecimal newTonnes) {
        return new SubstanceEntry(name, cas, tableRow, hazardCategories, newTonnes, mixture);
    }

    public SubstanceEntry withMixture(MixtureRule rule) {
        return new SubstanceEntry(name, cas, tableRow, hazardCategories, tonnes, rule);
    }

    /** How error messages name this entry: name and/or CAS, else the table row. */
    public String label() {
        boolean hasName = name != null && !name.isBlank();
        boolean hasCas = cas != null && !cas.isBlank();
        if (hasName && hasCas) {
            return name.strip() + " / " + cas.strip();
        }
        if (hasName) {
            return name.strip();
        }
        if (hasCas) {
            return cas.strip();
        }
        return tableRow != null ? "tableRow " + tableRow : "(unnamed)";
    }
}
