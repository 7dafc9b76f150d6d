package org.hazardwatch.core.internal.hazard;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.hazardwatch.api.hazard.Equipment;
import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.HazardSourceStatus;
import org.hazardwatch.api.hazard.HazardUnit;
import org.hazardwatch.api.hazard.InventoryItem;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.grading.Edition;
import org.hazardwatch.grading.Gb18218Grader;
import org.hazardwatch.grading.GradingException;
import org.hazardwatch.grading.GradingRequest;
import org.hazardwatch.grading.GradingResult;
import org.hazardwatch.grading.SubstanceEntry;

/**
 * Normalises and checks a hazard source, and grades its units: a unit whose inventory the grader cannot identify is
 * an error on that inventory line. Field names are paths such as {@code units[0].inventory[1].tonnes}.
 */
final class HazardSourceValidator {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,32}");
    static final int MAX_PEOPLE = 10_000_000;

    /** A valid source with the GB 18218-2018 grading of each unit, in unit order. */
    record Checked(HazardSource source, List<GradingResult> gradings, List<FieldError> errors) {
    }

    private HazardSourceValidator() {
    }

    /** Trims text, uppercases CAS numbers, defaults the status to ACTIVE; keeps nulls for the checks to name. */
    static HazardSource normalized(HazardSource s) {
        List<HazardUnit> units = new ArrayList<>();
        if (s.units() != null) {
            for (HazardUnit u : s.units()) {
                if (u == null) {
                    units.add(null);
                    continue;
                }
                List<Equipment> equipment = new ArrayList<>();
                for (Equipment e : u.equipment()) {
                    equipment.add(e == null ? null : new Equipment(trim(e.code()), trim(e.name()), e.kind(), e.designCapacity()));
                }
                List<InventoryItem> inventory = new ArrayList<>();
                for (InventoryItem i : u.inventory()) {
                    inventory.add(i == null ? null
                            : new InventoryItem(trim(i.equipmentCode()), trim(i.substance()),
                                    trim(i.cas() == null ? null
                                            : Normalizer.normalize(i.cas(), Normalizer.Form.NFKC).replaceAll("\\s+", "")),
                                    i.tableRow(),
                                    i.hazardCategories().stream().filter(c -> c != null && !c.isBlank())
                                            .map(c -> c.strip().toUpperCase(Locale.ROOT)).distinct().toList(),
                                    i.tonnes() == null ? null : i.tonnes().stripTrailingZeros()));
                }
                units.add(new HazardUnit(trim(u.code()), trim(u.name()), u.kind(), equipment, inventory, null));
            }
        }
        return new HazardSource(s.id(), s.enterpriseId(), null, null, trim(s.code()), trim(s.name()),
                s.status() == null ? HazardSourceStatus.ACTIVE : s.status(), s.exposedPeople(),
                s.accidentTypes() == null || Boolean.FALSE.equals(s.accidentTypesEdited()) ? null
                        : s.accidentTypes().contains(null) ? s.accidentTypes() : s.accidentTypes().stream().distinct().sorted().toList(),
                null,
                s.potentialDeaths(), null, false, null, units, null, null);
    }

    /** Checks a normalised source; grades its units when their structure is valid. */
    static Checked check(HazardSource s, Gb18218Grader grader) {
        List<FieldError> errors = new ArrayList<>();
        code(errors, "code", s.code());
        text(errors, "name", s.name(), 200);
        if (s.exposedPeople() == null) {
            errors.add(new FieldError("exposedPeople", "REQUIRED",
                    "is required: people outside the plant within 500 m of its boundary (GB 18218-2018 Table 5)"));
        } else if (s.exposedPeople() < 0 || s.exposedPeople() > MAX_PEOPLE) {
            errors.add(new FieldError("exposedPeople", "OUT_OF_RANGE", "must be between 0 and " + MAX_PEOPLE));
        }
        if (s.potentialDeaths() != null && (s.potentialDeaths() < 0 || s.potentialDeaths() > MAX_PEOPLE)) {
            errors.add(new FieldError("potentialDeaths", "OUT_OF_RANGE", "must be between 0 and " + MAX_PEOPLE));
        }
        if (s.accidentTypes() != null && s.accidentTypes().contains(null)) {
            errors.add(new FieldError("accidentTypes", "INVALID_VALUE", "must be FIRE, EXPLOSION or POISONING"));
        }
        if (s.units().isEmpty()) {
            errors.add(new FieldError("units", "REQUIRED", "a hazard source has at least one production or storage unit"));
        }
        Set<String> unitCodes = new HashSet<>();
        Set<String> equipmentCodes = new HashSet<>();
        List<Boolean> unitValid = new ArrayList<>();
        for (int u = 0; u < s.units().size(); u++) {
            HazardUnit unit = s.units().get(u);
            String path = "units[" + u + "]";
            int before = errors.size();
            if (unit == null) {
                errors.add(new FieldError(path, "REQUIRED", "is empty"));
                unitValid.add(false);
                continue;
            }
            if (code(errors, path + ".code", unit.code()) && !unitCodes.add(unit.code())) {
                errors.add(new FieldError(path + ".code", "DUPLICATE", "another unit of this source has code " + unit.code()));
            }
            text(errors, path + ".name", unit.name(), 200);
            if (unit.kind() == null) {
                errors.add(new FieldError(path + ".kind", "REQUIRED", "must be PRODUCTION or STORAGE"));
            }
            Set<String> ownEquipment = new HashSet<>();
            for (int e = 0; e < unit.equipment().size(); e++) {
                Equipment eq = unit.equipment().get(e);
                String ep = path + ".equipment[" + e + "]";
                if (eq == null) {
                    errors.add(new FieldError(ep, "REQUIRED", "is empty"));
                    continue;
                }
                if (code(errors, ep + ".code", eq.code())) {
                    ownEquipment.add(eq.code());
                    if (!equipmentCodes.add(eq.code())) {
                        errors.add(new FieldError(ep + ".code", "DUPLICATE", "equipment " + eq.code() + " appears twice in this source"));
                    }
                }
                text(errors, ep + ".name", eq.name(), 200);
                if (eq.kind() == null) {
                    errors.add(new FieldError(ep + ".kind", "REQUIRED", "is required (TANK, REACTOR, WAREHOUSE, …)"));
                }
                if (eq.designCapacity() != null && (eq.designCapacity().signum() < 0
                        || eq.designCapacity().compareTo(new BigDecimal("1E12")) >= 0)) {
                    errors.add(new FieldError(ep + ".designCapacity", "OUT_OF_RANGE", "must be from 0 to 999999999999"));
                } else if (eq.designCapacity() != null && eq.designCapacity().scale() > 3) {
                    errors.add(new FieldError(ep + ".designCapacity", "TOO_PRECISE", "may have at most 3 decimals"));
                }
            }
            if (unit.inventory().isEmpty()) {
                errors.add(new FieldError(path + ".inventory", "REQUIRED", "a unit holds at least one hazardous chemical"));
            }
            for (int i = 0; i < unit.inventory().size(); i++) {
                InventoryItem item = unit.inventory().get(i);
                String ip = path + ".inventory[" + i + "]";
                if (item == null) {
                    errors.add(new FieldError(ip, "REQUIRED", "is empty"));
                    continue;
                }
                if (item.equipmentCode() != null && !ownEquipment.contains(item.equipmentCode())) {
                    errors.add(new FieldError(ip + ".equipmentCode", "UNKNOWN_EQUIPMENT",
                            "'" + item.equipmentCode() + "' is not equipment of unit " + unit.code()));
                }
                if (item.tonnes() == null) {
                    errors.add(new FieldError(ip + ".tonnes", "REQUIRED", "the design maximum quantity in tonnes is required"));
                } else if (item.tonnes().signum() < 0) {
                    errors.add(new FieldError(ip + ".tonnes", "OUT_OF_RANGE", "cannot be negative"));
                } else if (item.tonnes().compareTo(new BigDecimal("1E9")) > 0) {
                    errors.add(new FieldError(ip + ".tonnes", "OUT_OF_RANGE", "must be at most 1000000000 t"));
                } else if (item.tonnes().scale() > 6) {
                    // stored as DECIMAL(24,6): a finer value would be graded on one number and stored as another
                    errors.add(new FieldError(ip + ".tonnes", "TOO_PRECISE", "may have at most 6 decimals (1 g)"));
                }
                if (item.cas() != null && item.cas().length() > 16) {
                    errors.add(new FieldError(ip + ".cas", "TOO_LONG", "a CAS number has at most 12 characters"));
                }
                if (item.substance() != null && item.substance().length() > 200) {
                    errors.add(new FieldError(ip + ".substance", "TOO_LONG", "may have at most 200 characters"));
                }
            }
            unitValid.add(errors.size() == before);
        }
        // valid units are graded even when other fields have errors, so one answer names every problem
        List<GradingResult> gradings = new ArrayList<>();
        for (int u = 0; u < s.units().size(); u++) {
            if (!unitValid.get(u)) {
                continue;
            }
            try {
                Integer people = s.exposedPeople() != null && s.exposedPeople() >= 0 && s.exposedPeople() <= MAX_PEOPLE
                        ? s.exposedPeople() : null;
                gradings.add(grader.grade(request(s.units().get(u), people, Edition.GB18218_2018)));
            } catch (GradingException e) {
                errors.add(gradingError("units[" + u + "]", e));
            }
        }
        return new Checked(s, errors.isEmpty() ? gradings : List.of(), errors);
    }

    static GradingRequest request(HazardUnit unit, Integer exposedPeople, Edition edition) {
        List<SubstanceEntry> entries = new ArrayList<>();
        for (InventoryItem i : unit.inventory()) {
            entries.add(new SubstanceEntry(i.substance(), i.cas(), i.tableRow(), i.hazardCategories(), i.tonnes()));
        }
        return new GradingRequest(edition, exposedPeople == null ? 0 : exposedPeople, entries);
    }

    /** The grader's error on an entry, as an error on the unit's inventory line. */
    static FieldError gradingError(String unitPath, GradingException e) {
        String field = switch (e.field() == null ? "" : e.field()) {
            case "name" -> "substance";
            case "" -> null;
            default -> e.field();
        };
        String path = e.entryIndex() == null ? unitPath + ".inventory"
                : unitPath + ".inventory[" + e.entryIndex() + "]" + (field == null ? "" : "." + field);
        String message = e.getMessage();
        int colon = message.indexOf(": ");
        return new FieldError(path, e.reason().name(), colon >= 0 ? message.substring(colon + 2) : message);
    }

    private static boolean code(List<FieldError> errors, String field, String value) {
        if (value == null) {
            errors.add(new FieldError(field, "REQUIRED", "is required"));
            return false;
        }
        if (!CODE.matcher(value).matches()) {
            errors.add(new FieldError(field, "INVALID_VALUE", "must be 1-32 characters of A-Z a-z 0-9 _ . -"));
            return false;
        }
        return true;
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null) {
            errors.add(new FieldError(field, "REQUIRED", "is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "TOO_LONG", "may have at most " + max + " characters"));
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
