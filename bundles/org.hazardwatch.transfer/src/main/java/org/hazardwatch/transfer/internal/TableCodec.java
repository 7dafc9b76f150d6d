package org.hazardwatch.transfer.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Reads and writes sheets as .xlsx (Apache POI) and CSV (Commons CSV, UTF-8 with a byte order mark for Excel). */
final class TableCodec {

    /** Largest number of data rows a sheet may have. */
    static final int MAX_ROWS = 200_000;

    private TableCodec() {
    }

    /** A sheet to write: its name and rows of cell values (String, BigDecimal, Number or null). */
    record SheetData(String name, List<Column> columns, List<List<Object>> rows) {
    }

    // ------------------------------------------------------------------ reading

    /** The sheets of a workbook that carry one of our sheet names or titles; a missing sheet is absent. */
    static Map<String, Table> readXlsx(InputStream in) throws IOException {
        Map<String, Table> tables = new LinkedHashMap<>();
        InputStream buffered = FileMagic.prepareToCheckMagic(in);
        FileMagic magic = FileMagic.valueOf(buffered);
        if (magic == FileMagic.OLE2) {
            throw new InvalidFileException("this is an old Excel 97-2003 (.xls) file: save it as .xlsx and import again");
        }
        if (magic != FileMagic.OOXML) {
            throw new InvalidFileException("not an Excel .xlsx file (found " + magic + ")");
        }
        try (Workbook workbook = WorkbookFactory.create(buffered)) {
            for (String name : Sheets.ORDER) {
                Sheet sheet = workbook.getSheet(name);
                if (sheet == null) {
                    sheet = workbook.getSheet(Sheets.TITLES.get(name));
                }
                if (sheet == null) {
                    continue;
                }
                List<List<String>> cells = new ArrayList<>();
                int last = sheet.getLastRowNum();
                if (last > MAX_ROWS) {
                    throw new InvalidFileException("sheet " + name + " has more than " + MAX_ROWS + " rows");
                }
                for (int r = 0; r <= last; r++) {
                    var row = sheet.getRow(r);
                    List<String> values = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                            values.add(text(row.getCell(c)));
                        }
                    }
                    cells.add(values);
                }
                tables.put(name, table(name, cells));
            }
        } catch (org.apache.poi.EmptyFileException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException
                | org.apache.poi.poifs.filesystem.NotOLE2FileException e) {
            throw new InvalidFileException("not an Excel .xlsx file: " + e.getMessage());
        } catch (org.apache.poi.UnsupportedFileFormatException e) {
            throw new InvalidFileException("unsupported spreadsheet format: " + e.getMessage());
        }
        return tables;
    }

    /** One sheet from a CSV file; the first line is the header. */
    static Table readCsv(InputStream in, String sheet) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<List<String>> cells = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder));
                CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
            for (CSVRecord record : parser) {
                if (cells.size() > MAX_ROWS) {
                    throw new InvalidFileException("the file has more than " + MAX_ROWS + " rows");
                }
                List<String> values = new ArrayList<>();
                record.forEach(values::add);
                cells.add(values);
            }
        } catch (CharacterCodingException e) {
            throw new InvalidFileException("a CSV file must be UTF-8 encoded (save it from Excel as \"CSV UTF-8\")");
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new InvalidFileException("a CSV file must be UTF-8 encoded (save it from Excel as \"CSV UTF-8\")");
            }
            throw new InvalidFileException("malformed CSV: " + e.getMessage());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new InvalidFileException("malformed CSV: " + e.getMessage());
        }
        if (!cells.isEmpty() && !cells.get(0).isEmpty() && cells.get(0).get(0).startsWith("\uFEFF")) {
            cells.get(0).set(0, cells.get(0).get(0).substring(1));
        }
        return table(sheet, cells);
    }

    /** Matches the header to the sheet's columns and turns the rest into rows. */
    private static Table table(String sheet, List<List<String>> cells) {
        List<Column> columns = Sheets.BY_SHEET.get(sheet);
        List<String> headerErrors = new ArrayList<>();
        List<Table.Row> rows = new ArrayList<>();
        if (cells.isEmpty() || cells.get(0).stream().allMatch(String::isBlank)) {
            headerErrors.add("the first row must be the header");
            return new Table(sheet, rows, headerErrors);
        }
        List<String> header = cells.get(0);
        List<Column> byIndex = new ArrayList<>();
        for (String cell : header) {
            Column match = cell.isBlank() ? null : columns.stream().filter(c -> c.matches(cell)).findFirst().orElse(null);
            if (match == null && !cell.isBlank()) {
                headerErrors.add("unknown column '" + cell + "'");
            }
            byIndex.add(match);
        }
        for (Column required : List.of(columns.get(0), columns.get(1))) {
            if (!byIndex.contains(required)) {
                headerErrors.add("missing column " + required.header());
            }
        }
        for (int r = 1; r < cells.size(); r++) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> row = cells.get(r);
            for (int c = 0; c < row.size() && c < byIndex.size(); c++) {
                String value = row.get(c) == null ? "" : row.get(c).strip();
                if (byIndex.get(c) != null && !value.isEmpty()) {
                    values.put(byIndex.get(c).key(), value);
                }
            }
            Table.Row parsed = new Table.Row(r + 1, values);
            if (!values.isEmpty()) {
                rows.add(parsed);
            }
        }
        return new Table(sheet, rows, headerErrors);
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toString()
                    // the shortest decimal that reads back as the same double: 12.5, not 12.500000000000002
                    : new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }

    // ------------------------------------------------------------------ writing

    static void writeXlsx(OutputStream out, List<SheetData> sheets, List<List<String>> help) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            var headerStyle = workbook.createCellStyle();
            var bold = workbook.createFont();
            bold.setBold(true);
            headerStyle.setFont(bold);
            for (SheetData data : sheets) {
                var sheet = workbook.createSheet(data.name());
                var header = sheet.createRow(0);
                for (int c = 0; c < data.columns().size(); c++) {
                    var cell = header.createCell(c);
                    cell.setCellValue(data.columns().get(c).header());
                    cell.setCellStyle(headerStyle);
                    sheet.setColumnWidth(c, Math.min(60, Math.max(12, data.columns().get(c).header().length() * 2 + 2)) * 256);
                }
                sheet.createFreezePane(0, 1);
                for (int r = 0; r < data.rows().size(); r++) {
                    var row = sheet.createRow(r + 1);
                    List<Object> values = data.rows().get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Object value = values.get(c);
                        if (value == null) {
                            continue;
                        }
                        var cell = row.createCell(c);
                        if (value instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else {
                            cell.setCellValue(value.toString());
                        }
                    }
                }
            }
            if (help != null) {
                var sheet = workbook.createSheet("说明(help)");
                for (int r = 0; r < help.size(); r++) {
                    var row = sheet.createRow(r);
                    for (int c = 0; c < help.get(r).size(); c++) {
                        row.createCell(c).setCellValue(help.get(r).get(c));
                    }
                }
                sheet.setColumnWidth(0, 20 * 256);
                sheet.setColumnWidth(1, 28 * 256);
                sheet.setColumnWidth(2, 90 * 256);
            }
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    static void writeCsv(OutputStream out, SheetData data) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // Excel opens UTF-8 CSV correctly only with a byte order mark
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        printer.printRecord(data.columns().stream().map(Column::header).toList());
        for (List<Object> row : data.rows()) {
            List<String> cells = new ArrayList<>();
            for (Object value : row) {
                cells.add(value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }
}
