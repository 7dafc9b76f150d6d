package org.hazardwatch.transfer.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hazardwatch.api.hazard.AccidentType;
import org.hazardwatch.api.hazard.Equipment;
import org.hazardwatch.api.hazard.EquipmentKind;
import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.HazardSourceStatus;
import org.hazardwatch.api.hazard.HazardUnit;
import org.hazardwatch.api.hazard.ImportReport;
import org.hazardwatch.api.hazard.InventoryItem;
import org.hazardwatch.api.hazard.RegistryBatchWriter;
import org.hazardwatch.api.hazard.RegistryBatchWriter.SourceOfEnterprise;
import org.hazardwatch.api.hazard.RegistryTransfer;
import org.hazardwatch.api.hazard.RowError;
import org.hazardwatch.api.hazard.UnitKind;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.EnterpriseStatus;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.IndustryGroup;

/**
 * Turns the rows of the three sheets into enterprises and hazard sources, hands them to the
 * {@link RegistryBatchWriter} (which writes all or nothing) and reports every error at its sheet, row and column.
 *
 * <p>A hazard source takes its own data from its hazardSources row, else from the stored source; its units from its
 * inventory rows, else from the stored source. So a file may carry only inventories, or only hazard source data.
 */
final class RegistryImporter {

    /** Looks up a stored hazard source by enterprise USCC and code. */
    interface StoredSources {
        Optional<HazardSource> find(String uscc, String code);
    }

    private static final Pattern PATH = Pattern.compile("units\\[(\\d+)](?:\\.(equipment|inventory)\\[(\\d+)])?(?:\\.(\\w+))?|(\\w+)");

    private final RegistryBatchWriter writer;
    private final StoredSources stored;
    private final List<RowError> errors = new ArrayList<>();

    RegistryImporter(RegistryBatchWriter writer, StoredSources stored) {
        this.writer = writer;
        this.stored = stored;
    }

    /** Where the parts of one hazard source came from, to put errors on the right row. */
    private static final class SourceRows {
        String uscc;
        String code;
        Table.Row headRow;
        HazardSource head;
        final Map<String, UnitRows> units = new LinkedHashMap<>();
        Integer firstInventoryRow;
    }

    private static final class UnitRows {
        int firstRow;
        String name;
        UnitKind kind;
        final Map<String, Integer> equipmentRows = new LinkedHashMap<>();
        final Map<String, Equipment> equipment = new LinkedHashMap<>();
        final List<Integer> inventoryRows = new ArrayList<>();
        final List<InventoryItem> inventory = new ArrayList<>();
    }

    ImportReport run(Map<String, Table> tables, boolean dryRun, String actor, org.hazardwatch.api.security.DataScope scope) {
        for (Table t : tables.values()) {
            for (String problem : t.headerErrors()) {
                errors.add(new RowError(t.sheet(), 1, null, "INVALID_HEADER", problem));
            }
        }
        Table enterpriseTable = tables.getOrDefault(RegistryTransfer.ENTERPRISES, empty(RegistryTransfer.ENTERPRISES));
        Table sourceTable = tables.getOrDefault(RegistryTransfer.HAZARD_SOURCES, empty(RegistryTransfer.HAZARD_SOURCES));
        Table inventoryTable = tables.getOrDefault(RegistryTransfer.INVENTORY, empty(RegistryTransfer.INVENTORY));
        int enterpriseRows = enterpriseTable.rows().size();
        int sourceRowCount = sourceTable.rows().size();
        int inventoryRows = inventoryTable.rows().size();
        if (!errors.isEmpty()) {
            return report(false, enterpriseRows, sourceRowCount, inventoryRows, null);
        }
        if (enterpriseRows + sourceRowCount + inventoryRows == 0) {
            errors.add(new RowError(tables.isEmpty() ? RegistryTransfer.ENTERPRISES : tables.keySet().iterator().next(), 1,
                    null, "EMPTY_FILE", "the file has no data rows (sheets are named enterprises/企业, hazardSources/重大危险源, inventory/单元与危险化学品)"));
            return report(false, 0, 0, 0, null);
        }

        List<Enterprise> enterprises = new ArrayList<>();
        List<Table.Row> enterpriseRowOf = new ArrayList<>();
        for (Table.Row row : enterpriseTable.rows()) {
            Cells cells = new Cells(RegistryTransfer.ENTERPRISES, row);
            Enterprise e = new Enterprise(null, cells.text("uscc"), cells.text("name"), cells.text("regionCode"), null,
                    cells.text("parkCode"), cells.text("industryCode"),
                    cells.enumValue("industryGroup", IndustryGroup.class, Map.of("精细化工", "FINE_CHEMICALS",
                            "石油化工", "PETROCHEMICALS", "煤化工", "COAL_CHEMICALS", "其他", "OTHER")),
                    cells.text("address"), cells.decimalAsDouble("longitude"), cells.decimalAsDouble("latitude"),
                    cells.text("contactName"), cells.text("contactPhone"),
                    cells.enumValue("status", EnterpriseStatus.class, Map.of("在产", "OPERATING", "停产", "SUSPENDED", "关闭", "CLOSED")),
                    null, null);
            enterprises.add(e);
            enterpriseRowOf.add(row);
        }

        Map<String, SourceRows> sources = new LinkedHashMap<>();
        for (Table.Row row : sourceTable.rows()) {
            Cells cells = new Cells(RegistryTransfer.HAZARD_SOURCES, row);
            String uscc = upper(cells.text("enterpriseUscc"));
            String code = cells.text("code");
            if (uscc == null || code == null) {
                cells.requireAll("enterpriseUscc", "code");
                continue;
            }
            SourceRows s = sources.computeIfAbsent(uscc + "\u0000" + code, k -> new SourceRows());
            if (s.headRow != null) {
                errors.add(new RowError(RegistryTransfer.HAZARD_SOURCES, row.number(), "code", "DUPLICATE_IN_FILE",
                        "hazard source " + code + " of " + uscc + " is already on row " + s.headRow.number()));
                continue;
            }
            s.uscc = uscc;
            s.code = code;
            s.headRow = row;
            List<AccidentType> types = cells.accidentTypes("accidentTypes");
            s.head = new HazardSource(null, null, null, null, code, cells.text("name"),
                    cells.enumValue("status", HazardSourceStatus.class, Map.of("在用", "ACTIVE", "停用", "SUSPENDED", "已核销", "DEREGISTERED")),
                    cells.integer("exposedPeople"), types, null, cells.integer("potentialDeaths"), null, false, null,
                    List.of(), null, null);
        }
        for (Table.Row row : inventoryTable.rows()) {
            Cells cells = new Cells(RegistryTransfer.INVENTORY, row);
            String uscc = upper(cells.text("enterpriseUscc"));
            String code = cells.text("hazardSourceCode");
            String unitCode = cells.text("unitCode");
            if (uscc == null || code == null || unitCode == null) {
                cells.requireAll("enterpriseUscc", "hazardSourceCode", "unitCode");
                continue;
            }
            SourceRows s = sources.computeIfAbsent(uscc + "\u0000" + code, k -> new SourceRows());
            s.uscc = uscc;
            s.code = code;
            if (s.firstInventoryRow == null) {
                s.firstInventoryRow = row.number();
            }
            UnitRows unit = s.units.computeIfAbsent(unitCode, k -> {
                UnitRows u = new UnitRows();
                u.firstRow = row.number();
                return u;
            });
            if (unit.name == null) {
                unit.name = cells.text("unitName");
            }
            if (unit.kind == null) {
                unit.kind = cells.enumValue("unitKind", UnitKind.class, Map.of("生产单元", "PRODUCTION", "储存单元", "STORAGE"));
            }
            String equipmentCode = cells.text("equipmentCode");
            if (equipmentCode != null && !unit.equipment.containsKey(equipmentCode)) {
                unit.equipmentRows.put(equipmentCode, row.number());
                unit.equipment.put(equipmentCode, new Equipment(equipmentCode, cells.text("equipmentName"),
                        cells.enumValue("equipmentKind", EquipmentKind.class, Map.of("储罐", "TANK", "球罐", "SPHERICAL_TANK",
                                "反应器", "REACTOR", "反应釜", "REACTOR", "塔器", "TOWER", "容器", "VESSEL", "仓库", "WAREHOUSE",
                                "管道", "PIPELINE", "其他", "OTHER")),
                        cells.decimal("designCapacity")));
            }
            boolean equipmentOnly = cells.text("substance") == null && cells.text("cas") == null
                    && cells.text("tableRow") == null && cells.text("tonnes") == null && cells.text("hazardCategories") == null;
            if (!equipmentOnly) {
                unit.inventoryRows.add(row.number());
                unit.inventory.add(new InventoryItem(equipmentCode, cells.text("substance"), cells.text("cas"),
                        cells.integer("tableRow"), cells.list("hazardCategories"), cells.decimal("tonnes")));
            }
        }
        if (!errors.isEmpty()) {
            return report(false, enterpriseRows, sourceRowCount, inventoryRows, null);
        }

        List<SourceOfEnterprise> items = new ArrayList<>();
        List<SourceRows> itemRows = new ArrayList<>();
        for (SourceRows s : sources.values()) {
            Optional<HazardSource> existing = (s.head == null || s.units.isEmpty()) ? stored.find(s.uscc, s.code) : Optional.empty();
            HazardSource head = s.head != null ? s.head : existing.orElse(null);
            if (head == null) {
                errors.add(new RowError(RegistryTransfer.INVENTORY, s.firstInventoryRow, "hazardSourceCode", "UNKNOWN_HAZARD_SOURCE",
                        "hazard source " + s.code + " of " + s.uscc + " is neither registered nor in the hazardSources sheet"));
                continue;
            }
            List<HazardUnit> units;
            if (!s.units.isEmpty()) {
                units = new ArrayList<>();
                for (Map.Entry<String, UnitRows> u : s.units.entrySet()) {
                    UnitRows r = u.getValue();
                    units.add(new HazardUnit(u.getKey(), r.name, r.kind, new ArrayList<>(r.equipment.values()), r.inventory, null));
                }
            } else if (existing.isPresent()) {
                units = existing.get().units();
            } else {
                errors.add(new RowError(RegistryTransfer.HAZARD_SOURCES, s.headRow.number(), "code", "NO_UNITS",
                        "hazard source " + s.code + " has no rows in the inventory sheet and is not registered yet"));
                continue;
            }
            // a stored head keeps derived accident types derived, so new substances re-derive them
            List<AccidentType> types = s.head != null || Boolean.TRUE.equals(head.accidentTypesEdited()) ? head.accidentTypes() : null;
            items.add(new SourceOfEnterprise(s.uscc, new HazardSource(null, null, null, null, head.code(), head.name(),
                    head.status(), head.exposedPeople(), types, null, head.potentialDeaths(), null, false,
                    null, units, null, null)));
            itemRows.add(s);
        }
        if (!errors.isEmpty()) {
            return report(false, enterpriseRows, sourceRowCount, inventoryRows, null);
        }

        RegistryBatchWriter.Outcome outcome = writer.write(enterprises, items, dryRun, actor, scope);
        outcome.enterpriseErrors().forEach((index, fieldErrors) -> {
            for (FieldError f : fieldErrors) {
                errors.add(new RowError(RegistryTransfer.ENTERPRISES, enterpriseRowOf.get(index).number(), f.field(), f.code(),
                        f.message()));
            }
        });
        outcome.sourceErrors().forEach((index, fieldErrors) -> {
            SourceRows s = itemRows.get(index);
            for (FieldError f : fieldErrors) {
                errors.add(locate(s, f));
            }
        });
        return report(outcome.applied(), enterpriseRows, sourceRowCount, inventoryRows, outcome);
    }

    /** The sheet, row and column of an error on a path like {@code units[0].inventory[1].tonnes}. */
    private static RowError locate(SourceRows s, FieldError f) {
        Matcher m = PATH.matcher(f.field());
        List<UnitRows> units = new ArrayList<>(s.units.values());
        if (m.matches() && m.group(1) != null && Integer.parseInt(m.group(1)) < units.size()) {
            UnitRows unit = units.get(Integer.parseInt(m.group(1)));
            String part = m.group(2);
            String field = m.group(4);
            if ("inventory".equals(part)) {
                int i = Integer.parseInt(m.group(3));
                int row = i < unit.inventoryRows.size() ? unit.inventoryRows.get(i) : unit.firstRow;
                return new RowError(RegistryTransfer.INVENTORY, row, field, f.code(), f.message());
            }
            if ("equipment".equals(part)) {
                int e = Integer.parseInt(m.group(3));
                List<Integer> rows = new ArrayList<>(unit.equipmentRows.values());
                int row = e < rows.size() ? rows.get(e) : unit.firstRow;
                String column = field == null ? "equipmentCode" : switch (field) {
                    case "code" -> "equipmentCode";
                    case "name" -> "equipmentName";
                    case "kind" -> "equipmentKind";
                    default -> field;
                };
                return new RowError(RegistryTransfer.INVENTORY, row, column, f.code(), f.message());
            }
            String column = field == null ? "unitCode" : switch (field) {
                case "code" -> "unitCode";
                case "name" -> "unitName";
                case "kind" -> "unitKind";
                case "inventory" -> "substance";
                default -> field;
            };
            return new RowError(RegistryTransfer.INVENTORY, unit.firstRow, column, f.code(), f.message());
        }
        if (s.headRow != null) {
            return new RowError(RegistryTransfer.HAZARD_SOURCES, s.headRow.number(), f.field(), f.code(), f.message());
        }
        String column = "code".equals(f.field()) ? "hazardSourceCode" : f.field();
        return new RowError(RegistryTransfer.INVENTORY, s.firstInventoryRow, column, f.code(), f.message());
    }

    private ImportReport report(boolean applied, int enterpriseRows, int sourceRows, int inventoryRows,
            RegistryBatchWriter.Outcome outcome) {
        List<RowError> sorted = new ArrayList<>(errors);
        sorted.sort((a, b) -> a.sheet().equals(b.sheet()) ? Integer.compare(a.row(), b.row())
                : Integer.compare(Sheets.ORDER.indexOf(a.sheet()), Sheets.ORDER.indexOf(b.sheet())));
        boolean ok = sorted.isEmpty() && outcome != null;
        return new ImportReport(applied && sorted.isEmpty(), enterpriseRows, sourceRows, inventoryRows,
                ok ? outcome.enterprisesCreated() : 0, ok ? outcome.enterprisesUpdated() : 0,
                ok ? outcome.sourcesCreated() : 0, ok ? outcome.sourcesUpdated() : 0, sorted);
    }

    private static Table empty(String sheet) {
        return new Table(sheet, List.of(), List.of());
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    /** Typed access to a row's cells; a cell that does not parse is an error of the row, and reads as null. */
    private final class Cells {
        private final String sheet;
        private final Table.Row row;

        Cells(String sheet, Table.Row row) {
            this.sheet = sheet;
            this.row = row;
        }

        String text(String key) {
            String value = row.get(key);
            return value == null || value.isBlank() ? null : value.strip();
        }

        void requireAll(String... keys) {
            for (String key : keys) {
                if (text(key) == null) {
                    errors.add(new RowError(sheet, row.number(), key, "REQUIRED", "is required"));
                }
            }
        }

        BigDecimal decimal(String key) {
            String value = text(key);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value.replace(",", ""));
            } catch (NumberFormatException e) {
                errors.add(new RowError(sheet, row.number(), key, "INVALID_NUMBER", "'" + value + "' is not a number"));
                return null;
            }
        }

        Double decimalAsDouble(String key) {
            BigDecimal value = decimal(key);
            return value == null ? null : value.doubleValue();
        }

        Integer integer(String key) {
            BigDecimal value = decimal(key);
            if (value == null) {
                return null;
            }
            try {
                return value.intValueExact();
            } catch (ArithmeticException e) {
                errors.add(new RowError(sheet, row.number(), key, "INVALID_NUMBER", "'" + text(key) + "' is not a whole number"));
                return null;
            }
        }

        List<String> list(String key) {
            String value = text(key);
            return value == null ? List.of()
                    : Arrays.stream(value.split("[;,；，、\\s]+")).filter(v -> !v.isBlank()).toList();
        }

        <E extends Enum<E>> E enumValue(String key, Class<E> type, Map<String, String> chinese) {
            String value = text(key);
            if (value == null) {
                return null;
            }
            String name = chinese.getOrDefault(value, value.toUpperCase(Locale.ROOT));
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(sheet, row.number(), key, "INVALID_VALUE", "'" + value + "' is not one of "
                        + Arrays.toString(type.getEnumConstants()) + " " + chinese.keySet()));
                return null;
            }
        }

        List<AccidentType> accidentTypes(String key) {
            if (text(key) == null) {
                return null;
            }
            Function<String, String> chinese = v -> switch (v) {
                case "火灾" -> "FIRE";
                case "爆炸" -> "EXPLOSION";
                case "中毒" -> "POISONING";
                default -> v.toUpperCase(Locale.ROOT);
            };
            List<AccidentType> types = new ArrayList<>();
            for (String v : list(key)) {
                try {
                    types.add(AccidentType.valueOf(chinese.apply(v)));
                } catch (IllegalArgumentException e) {
                    errors.add(new RowError(sheet, row.number(), key, "INVALID_VALUE",
                            "'" + v + "' is not FIRE/火灾, EXPLOSION/爆炸 or POISONING/中毒"));
                }
            }
            return types;
        }
    }
}
