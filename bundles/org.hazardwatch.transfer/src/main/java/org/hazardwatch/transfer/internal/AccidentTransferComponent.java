package org.hazardwatch.transfer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DateUtil;
import org.hazardwatch.api.accident.Accident;
import org.hazardwatch.api.accident.AccidentKind;
import org.hazardwatch.api.accident.AccidentService;
import org.hazardwatch.api.accident.AccidentTransfer;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The accident register as .xlsx: one sheet 事故 (accidents), times in China time. */
@Component(service = AccidentTransfer.class)
public class AccidentTransferComponent implements AccidentTransfer {

    static final String SHEET = "accidents";
    static final String TITLE = "事故";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** What people type, and what Excel shows for its default date-time formats. */
    private static final List<DateTimeFormatter> READ = List.of(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm[:ss]"), DateTimeFormatter.ofPattern("M/d/yy H:mm"), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss]"));

    static final List<Column> COLUMNS = List.of(
            new Column("occurredAt", "发生时间", "yyyy-MM-dd HH:mm China time (or an Excel date); required"),
            new Column("kind", "事故类型", "FIRE 火灾, EXPLOSION 爆炸, POISONING 中毒, LEAK 泄漏, OTHER 其他; required"),
            new Column("uscc", "统一社会信用代码", "a registered enterprise (its name, county and industry come from the registry); empty for one never registered"),
            new Column("enterpriseName", "企业名称", "required when the enterprise is not registered"),
            new Column("regionCode", "行政区划代码", "six-digit county code, required when the enterprise is not registered"),
            new Column("industryCode", "行业代码", "GB/T 4754-2017 code, for an enterprise that is not registered"),
            new Column("hazardSourceCode", "危险源编码", "the major hazard source involved, or empty"),
            new Column("deaths", "死亡人数", "required, 0 when none"),
            new Column("injuries", "受伤人数", "required, 0 when none"),
            new Column("directLossWan", "直接经济损失(万元)", "10,000 yuan, or empty when not known"),
            new Column("description", "事故概况", "what happened; required"),
            new Column("sourceDocument", "资料来源", "investigation report or bulletin (number, title)"));

    private final AccidentService accidents;

    @Activate
    public AccidentTransferComponent(@Reference AccidentService accidents) {
        this.accidents = accidents;
    }

    @Override
    public void template(OutputStream out) throws IOException {
        List<List<String>> help = new ArrayList<>();
        help.add(List.of("sheet / 工作表", "column / 列", "meaning / 说明"));
        for (Column c : COLUMNS) {
            help.add(List.of(SHEET + " " + TITLE, c.header(), c.help()));
        }
        help.add(List.of("", "", "An import checks every row first and imports nothing from a file with errors; accidents already registered "
                + "(same enterprise, minute and type) are skipped. 导入前逐行校验，文件有任何错误则不导入；已登记的事故（同一企业、时间、类型）跳过。"));
        TransferComponent.withPoi(() -> {
            TableCodec.writeXlsx(out, List.of(new TableCodec.SheetData(SHEET, COLUMNS, List.of())), help);
            return null;
        });
    }

    @Override
    public AccidentService.ImportResult importFile(Caller caller, InputStream in, boolean dryRun) throws IOException {
        Map<String, Table> tables = TransferComponent.withPoi(() -> TableCodec.readXlsx(in, List.of(SHEET), Map.of(SHEET, TITLE),
                Map.of(SHEET, COLUMNS)));
        Table table = tables.get(SHEET);
        if (table == null) {
            throw new InvalidFileException("the workbook has no sheet named " + SHEET + " or " + TITLE);
        }
        List<AccidentService.RowError> errors = new ArrayList<>();
        for (String problem : table.headerErrors()) {
            errors.add(new AccidentService.RowError(1, new FieldError("header", "HEADER", problem)));
        }
        if (!errors.isEmpty()) {
            return new AccidentService.ImportResult(dryRun, table.rows().size(), 0, 0, errors);
        }
        List<AccidentService.NumberedDraft> drafts = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            if (row.isBlank()) {
                continue;
            }
            List<FieldError> cellErrors = new ArrayList<>();
            AccidentService.Draft draft = new AccidentService.Draft(time(row.get("occurredAt"), cellErrors), row.get("uscc"),
                    row.get("enterpriseName"), row.get("regionCode"), row.get("industryCode"), row.get("hazardSourceCode"),
                    kind(row.get("kind"), cellErrors), whole(row.get("deaths"), "deaths", cellErrors), whole(row.get("injuries"), "injuries", cellErrors),
                    decimal(row.get("directLossWan"), cellErrors), row.get("description"), row.get("sourceDocument"));
            cellErrors.forEach(e -> errors.add(new AccidentService.RowError(row.number(), e)));
            drafts.add(new AccidentService.NumberedDraft(row.number(), draft));
        }
        AccidentService.ImportResult checked = accidents.importAll(caller, drafts, !errors.isEmpty() || dryRun);
        if (errors.isEmpty()) {
            return checked;
        }
        // cells that could not be read come first, then what the register found in the rest
        List<AccidentService.RowError> all = new ArrayList<>(errors);
        checked.errors().stream().filter(e -> errors.stream().noneMatch(c -> c.row() == e.row() && c.error().field().equals(e.error().field())))
                .forEach(all::add);
        all.sort(java.util.Comparator.comparingInt(AccidentService.RowError::row));
        return new AccidentService.ImportResult(dryRun, drafts.size(), 0, checked.duplicates(), all);
    }

    static Instant time(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.matches("[0-9]+(\\.[0-9]+)?")) {
            double serial = Double.parseDouble(t);
            if (DateUtil.isValidExcelDate(serial) && serial > 1) {
                return DateUtil.getLocalDateTime(serial).atZone(CHINA).toInstant();
            }
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset: local China time
        }
        for (DateTimeFormatter f : READ) {
            try {
                return LocalDateTime.parse(t, f).atZone(CHINA).toInstant();
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        try {
            return LocalDate.parse(t).atStartOfDay(CHINA).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("occurredAt", "FORMAT", "a time such as 2019-03-21 14:48, not '" + t + "'"));
            return null;
        }
    }

    private static AccidentKind kind(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        AccidentKind kind = AccidentKind.parse(text);
        if (kind == null) {
            errors.add(new FieldError("kind", "INVALID", "one of FIRE 火灾, EXPLOSION 爆炸, POISONING 中毒, LEAK 泄漏, OTHER 其他, not '" + text + "'"));
        }
        return kind;
    }

    private static Integer whole(String text, String field, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(new FieldError(field, "FORMAT", "a whole number, not '" + text + "'"));
            return 0;
        }
    }

    private static BigDecimal decimal(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(new FieldError("directLossWan", "FORMAT", "a number of 10,000 yuan, not '" + text + "'"));
            return null;
        }
    }

    @Override
    public void export(Caller caller, AccidentService.Query query, OutputStream out) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (int page = 0;; page++) {
            Page<Accident> p = accidents.search(caller, query, page, 500);
            for (Accident a : p.items()) {
                rows.add(java.util.Arrays.asList(WRITTEN.format(a.occurredAt().atZone(CHINA)), a.kind().name(), a.uscc(), a.enterpriseName(),
                        a.regionCode(), a.industryCode(), a.hazardSourceCode(), a.deaths(), a.injuries(), a.directLossWan(), a.description(),
                        a.sourceDocument()));
            }
            if ((long) (page + 1) * 500 >= p.total()) {
                break;
            }
        }
        TransferComponent.withPoi(() -> {
            TableCodec.writeXlsx(out, List.of(new TableCodec.SheetData(SHEET, COLUMNS, rows)), null);
            return null;
        });
    }
}
