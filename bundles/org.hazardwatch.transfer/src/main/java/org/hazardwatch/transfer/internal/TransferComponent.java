package org.hazardwatch.transfer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hazardwatch.api.hazard.Equipment;
import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.HazardSourceQuery;
import org.hazardwatch.api.hazard.HazardSourceService;
import org.hazardwatch.api.hazard.HazardSourceSummary;
import org.hazardwatch.api.hazard.HazardUnit;
import org.hazardwatch.api.hazard.ImportReport;
import org.hazardwatch.api.hazard.InventoryItem;
import org.hazardwatch.api.hazard.RegistryBatchWriter;
import org.hazardwatch.api.hazard.RegistryTransfer;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.registry.RegistryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Registry import and export as .xlsx and CSV. */
@Component(service = RegistryTransfer.class)
public class TransferComponent implements RegistryTransfer {

    private static final int PAGE = 500;

    private final RegistryService registry;
    private final HazardSourceService sources;
    private final RegistryBatchWriter writer;

    @Activate
    public TransferComponent(@Reference RegistryService registry, @Reference HazardSourceService sources,
            @Reference RegistryBatchWriter writer) {
        this.registry = registry;
        this.sources = sources;
        this.writer = writer;
    }

    @Override
    public ImportReport importFile(InputStream in, Format format, String sheet, boolean dryRun, String actor,
            org.hazardwatch.api.security.DataScope scope) throws IOException {
        Map<String, Table> tables = new HashMap<>();
        if (format == Format.XLSX) {
            tables.putAll(withPoi(() -> TableCodec.readXlsx(in)));
        } else if (sheet == null || sheet.isBlank()) {
            tables.putAll(TableCodec.readCsvZip(in));
        } else {
            tables.put(requireSheet(sheet), TableCodec.readCsv(in, requireSheet(sheet)));
        }
        return new RegistryImporter(writer, this::storedSource).run(tables, dryRun, actor, scope);
    }

    private Optional<HazardSource> storedSource(String uscc, String code) {
        Page<Enterprise> found = registry.enterprises(null, uscc, 0, 5);
        return found.items().stream().filter(e -> e.uscc().equals(uscc)).findFirst()
                .flatMap(e -> sources.list(new HazardSourceQuery(null, e.id(), null, null), 0, 1000).items().stream()
                        .filter(s -> s.code().equals(code)).findFirst())
                .flatMap(s -> sources.get(s.id()));
    }

    @Override
    public void exportFile(OutputStream out, Format format, String sheet, String regionCode) throws IOException {
        List<Enterprise> enterprises = new ArrayList<>();
        for (int page = 0;; page++) {
            Page<Enterprise> p = registry.enterprises(regionCode, null, page, PAGE);
            enterprises.addAll(p.items());
            if ((long) (page + 1) * PAGE >= p.total()) {
                break;
            }
        }
        Map<Long, String> usccById = new HashMap<>();
        enterprises.forEach(e -> usccById.put(e.id(), e.uscc()));
        List<HazardSource> full = new ArrayList<>();
        for (int page = 0;; page++) {
            Page<HazardSourceSummary> p = sources.list(new HazardSourceQuery(regionCode, null, null, null), page, PAGE);
            for (HazardSourceSummary s : p.items()) {
                sources.get(s.id()).ifPresent(full::add);
            }
            if ((long) (page + 1) * PAGE >= p.total()) {
                break;
            }
        }
        List<TableCodec.SheetData> sheets = List.of(
                new TableCodec.SheetData(ENTERPRISES, Sheets.ENTERPRISES, enterpriseRows(enterprises)),
                new TableCodec.SheetData(HAZARD_SOURCES, Sheets.HAZARD_SOURCES, sourceRows(full, usccById)),
                new TableCodec.SheetData(INVENTORY, Sheets.INVENTORY, inventoryRows(full, usccById)));
        write(out, format, sheet, sheets, null);
    }

    @Override
    public void template(OutputStream out, Format format, String sheet) throws IOException {
        List<TableCodec.SheetData> sheets = Sheets.ORDER.stream()
                .map(name -> new TableCodec.SheetData(name, Sheets.BY_SHEET.get(name), List.<List<Object>>of())).toList();
        List<List<String>> help = new ArrayList<>();
        help.add(List.of("sheet / 工作表", "column / 列", "meaning / 说明"));
        for (String name : Sheets.ORDER) {
            for (Column c : Sheets.BY_SHEET.get(name)) {
                help.add(List.of(name + " " + Sheets.TITLES.get(name), c.header(), c.help()));
            }
        }
        help.add(List.of("", "", "An import checks every row first and imports nothing from a file with errors. "
                + "导入前逐行校验，文件有任何错误则不导入任何数据。"));
        write(out, format, sheet, sheets, help);
    }

    private void write(OutputStream out, Format format, String sheet, List<TableCodec.SheetData> sheets,
            List<List<String>> help) throws IOException {
        if (format == Format.XLSX) {
            withPoi(() -> {
                TableCodec.writeXlsx(out, sheets, help);
                return null;
            });
        } else if (sheet == null || sheet.isBlank()) {
            TableCodec.writeCsvZip(out, sheets);
        } else {
            String name = requireSheet(sheet);
            TableCodec.writeCsv(out, sheets.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow());
        }
    }

    private static List<List<Object>> enterpriseRows(List<Enterprise> enterprises) {
        List<List<Object>> rows = new ArrayList<>();
        for (Enterprise e : enterprises) {
            rows.add(row(e.uscc(), e.name(), e.regionCode(), e.parkCode(), e.industryCode(), e.industryGroup().name(),
                    e.address(), e.longitude(), e.latitude(), e.contactName(), e.contactPhone(), e.status().name()));
        }
        return rows;
    }

    private static List<List<Object>> sourceRows(List<HazardSource> full, Map<Long, String> usccById) {
        List<List<Object>> rows = new ArrayList<>();
        for (HazardSource s : full) {
            // edited accident types are written; derived ones are left empty so a re-import derives them again
            boolean edited = Boolean.TRUE.equals(s.accidentTypesEdited());
            rows.add(row(usccById.get(s.enterpriseId()), s.code(), s.name(), s.status().name(), s.exposedPeople(),
                    s.potentialDeaths(), edited ? String.join(";", s.accidentTypes().stream().map(Enum::name).toList()) : null));
        }
        return rows;
    }

    private static List<List<Object>> inventoryRows(List<HazardSource> full, Map<Long, String> usccById) {
        List<List<Object>> rows = new ArrayList<>();
        for (HazardSource s : full) {
            String uscc = usccById.get(s.enterpriseId());
            for (HazardUnit u : s.units()) {
                boolean first = true;
                java.util.Set<String> equipmentWritten = new java.util.HashSet<>();
                Map<String, Equipment> equipment = new HashMap<>();
                u.equipment().forEach(e -> equipment.put(e.code(), e));
                for (InventoryItem i : u.inventory()) {
                    Equipment e = i.equipmentCode() == null ? null : equipment.get(i.equipmentCode());
                    boolean describe = e != null && equipmentWritten.add(e.code());
                    rows.add(row(uscc, s.code(), u.code(), first ? u.name() : null, first ? u.kind().name() : null,
                            i.equipmentCode(), describe ? e.name() : null, describe ? e.kind().name() : null,
                            describe ? e.designCapacity() : null, i.substance(), i.cas(), i.tableRow(),
                            i.hazardCategories().isEmpty() ? null : String.join(";", i.hazardCategories()), i.tonnes()));
                    first = false;
                }
                for (Equipment e : u.equipment()) {
                    if (equipmentWritten.add(e.code())) {
                        rows.add(row(uscc, s.code(), u.code(), first ? u.name() : null, first ? u.kind().name() : null,
                                e.code(), e.name(), e.kind().name(), e.designCapacity(), null, null, null, null, null));
                        first = false;
                    }
                }
            }
        }
        return rows;
    }

    private static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    private static String requireSheet(String sheet) {
        if (sheet == null || !Sheets.BY_SHEET.containsKey(sheet)) {
            throw new IllegalArgumentException("sheet must be one of " + Sheets.ORDER + " for CSV, not '" + sheet + "'");
        }
        return sheet;
    }

    /** POI and XMLBeans load their schema types through the context class loader; in OSGi that must be this bundle's. */
    static <T> T withPoi(Callable<T> work) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TransferComponent.class.getClassLoader());
        try {
            return work.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
