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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

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

    /**
     * The sheets of a workbook that carry one of our sheet names or titles; a missing sheet is absent. The sheets are
     * read as a stream of SAX events (POI's event API), so a large file never becomes a DOM in the heap, and a file
     * POI cannot read for any reason is an {@link InvalidFileException}.
     */
    static Map<String, Table> readXlsx(InputStream in) throws IOException {
        return readXlsx(in, Sheets.ORDER, Sheets.TITLES, Sheets.BY_SHEET);
    }

    /** As above, for a workbook with the given sheet names (in order), Chinese titles and columns. */
    static Map<String, Table> readXlsx(InputStream in, List<String> order, Map<String, String> titles, Map<String, List<Column>> columns)
            throws IOException {
        InputStream buffered = FileMagic.prepareToCheckMagic(in);
        FileMagic magic = FileMagic.valueOf(buffered);
        if (magic == FileMagic.OLE2) {
            throw new InvalidFileException("this is an old Excel 97-2003 (.xls) file or an encrypted workbook: save it as "
                    + "an unencrypted .xlsx and import again");
        }
        if (magic != FileMagic.OOXML) {
            throw new InvalidFileException("not an Excel .xlsx file (found " + magic + ")");
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        try (OPCPackage pkg = OPCPackage.open(buffered)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            Map<String, List<List<String>>> bySheet = new LinkedHashMap<>();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String title = sheets.getSheetName();
                    String name = order.stream()
                            .filter(n -> n.equals(title) || titles.get(n).equals(title)).findFirst().orElse(null);
                    if (name == null || bySheet.containsKey(name)) {
                        continue;
                    }
                    RowCollector rows = new RowCollector(name);
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new PlainNumbers(), false));
                    parser.parse(new InputSource(sheet));
                    bySheet.put(name, rows.rows);
                }
            }
            for (String name : order) {
                if (bySheet.containsKey(name)) {
                    tables.put(name, table(name, bySheet.get(name), columns.get(name)));
                }
            }
        } catch (InvalidFileException e) {
            throw e;
        } catch (IOException | SAXException | ParserConfigurationException | OpenXML4JException | RuntimeException e) {
            throw new InvalidFileException("the workbook cannot be read: " + e.getMessage());
        }
        return tables;
    }

    /** Collects a sheet's cells as text, row by row, keeping blank rows so row numbers stay those Excel shows. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String sheet;
        final List<List<String>> rows = new ArrayList<>();
        private List<String> current;

        RowCollector(String sheet) {
            this.sheet = sheet;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum > MAX_ROWS) {
                throw new InvalidFileException("sheet " + sheet + " has more than " + MAX_ROWS + " rows");
            }
            while (rows.size() < rowNum) {
                rows.add(new ArrayList<>());
            }
            current = new ArrayList<>();
            rows.add(current);
        }

        @Override
        public void endRow(int rowNum) {
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            if (column > 200) {
                return; // no sheet of ours has that many columns
            }
            while (current.size() < column) {
                current.add("");
            }
            current.add(formattedValue == null ? "" : formattedValue);
        }
    }

    /**
     * Numbers in "General" format as the shortest decimal that reads back as the same double (12.5, not 12.500000000000002
     * nor Excel's 11-digit display); dates and explicitly formatted numbers as Excel shows them.
     */
    private static final class PlainNumbers extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (formatIndex == 0 || "General".equalsIgnoreCase(formatString)) {
                return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
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

    /**
     * The sheets of a ZIP archive of CSV files named after them ({@code enterprises.csv} or {@code 企业.csv}, …), so
     * CSV users can import enterprises, hazard sources and inventories together.
     */
    static Map<String, Table> readCsvZip(InputStream in) throws IOException {
        Map<String, Table> tables = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            boolean any = false;
            while ((entry = zip.getNextEntry()) != null) {
                any = true;
                String file = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (entry.isDirectory() || !file.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                    continue;
                }
                String base = file.substring(0, file.length() - 4);
                String name = Sheets.ORDER.stream().filter(n -> n.equals(base) || Sheets.TITLES.get(n).equals(base))
                        .findFirst().orElseThrow(() -> new InvalidFileException("'" + file + "' is not one of enterprises.csv, "
                                + "hazardSources.csv, inventory.csv (or 企业.csv, 重大危险源.csv, 单元与危险化学品.csv)"));
                // the CSV parser closes what it reads; the archive must stay open for the next entry
                tables.put(name, readCsv(new java.io.FilterInputStream(zip) {
                    @Override
                    public void close() {
                    }
                }, name));
            }
            if (!any) {
                throw new InvalidFileException("for CSV without a sheet, send a ZIP archive of enterprises.csv, "
                        + "hazardSources.csv and inventory.csv; or name the sheet of a single CSV file");
            }
        } catch (java.util.zip.ZipException e) {
            throw new InvalidFileException("not a ZIP archive of CSV files: " + e.getMessage());
        }
        return tables;
    }

    static void writeCsvZip(OutputStream out, List<SheetData> sheets) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (SheetData data : sheets) {
            zip.putNextEntry(new ZipEntry(data.name() + ".csv"));
            writeCsv(new java.io.FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    zip.write(b, off, len);
                }

                @Override
                public void close() {
                }
            }, data);
            zip.closeEntry();
        }
        zip.finish();
    }

    /** Matches the header to the sheet's columns and turns the rest into rows. */
    private static Table table(String sheet, List<List<String>> cells) {
        return table(sheet, cells, Sheets.BY_SHEET.get(sheet));
    }

    private static Table table(String sheet, List<List<String>> cells, List<Column> columns) {
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
