package org.hazardwatch.transfer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.HazardSourceQuery;
import org.hazardwatch.api.hazard.ImportReport;
import org.hazardwatch.api.hazard.RegistryTransfer.Format;
import org.hazardwatch.api.hazard.RowError;
import org.hazardwatch.api.registry.UnifiedSocialCreditCode;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.hazard.JdbcHazardSources;
import org.hazardwatch.core.internal.hazard.JdbcRegistryBatch;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Import and export against the real registry on PostgreSQL (127.0.0.1:5432, user postgres; skipped loudly when
 * absent). Each test uses a county of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryTransferTest {

    JdbcRegistry registry;
    JdbcHazardSources sources;
    TransferComponent transfer;

    @BeforeAll
    void database() throws Exception {
        String host = System.getenv().getOrDefault("HAZARDWATCH_TEST_PG_HOST", "127.0.0.1");
        String name = "hw_transfer_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":5432/postgres?connectTimeout=3",
                "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            System.err.println("\n!!!!!!!! PostgreSQL does not answer: SKIPPING the import/export tests !!!!!!!!\n");
            Assumptions.abort("PostgreSQL does not answer: " + e.getMessage());
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] { host });
        ds.setDatabaseName(name);
        ds.setUser("postgres");
        DataSource dataSource = ds;
        DatabaseMigrator.migrate(dataSource);
        registry = new JdbcRegistry(dataSource, Clock.systemUTC());
        sources = new JdbcHazardSources(dataSource, Clock.systemUTC());
        transfer = new TransferComponent(registry, sources, new JdbcRegistryBatch(dataSource, registry, sources, Clock.systemUTC()));
    }

    static String uscc(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** A workbook as a person would fill it in, with Chinese headers and sheet titles. */
    static byte[] workbook(String county, String usccA, String usccB, String tonnesOfChlorine, String badUscc) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var e = wb.createSheet("企业");
            row(e, 0, "统一社会信用代码", "企业名称", "行政区划代码", "行业代码", "行业类别", "经度", "纬度");
            row(e, 1, usccA, "甲化工有限公司", county, "2614", "石油化工", "116.1", "39.2");
            row(e, 2, badUscc != null ? badUscc : usccB, "乙化工有限公司", county, "2631", "精细化工", null, null);
            var h = wb.createSheet("重大危险源");
            row(h, 0, "企业统一社会信用代码", "危险源编码", "危险源名称", "厂外500米内常住人口", "可能死亡人数", "事故类型");
            row(h, 1, usccA, "HS-01", "液氯罐区", "120", "12", null);
            row(h, 2, usccB, "HS-01", "甲醇罐区", "10", null, "火灾;爆炸");
            var i = wb.createSheet("单元与危险化学品");
            row(i, 0, "enterpriseUscc", "hazardSourceCode", "unitCode", "unitName", "unitKind", "equipmentCode", "equipmentName",
                    "equipmentKind", "substance", "tonnes", "危险性类别");
            row(i, 1, usccA, "HS-01", "U1", "液氯储存单元", "储存单元", "T1", "1#液氯储罐", "储罐", "氯", tonnesOfChlorine);
            row(i, 2, usccA, "HS-01", "U1", null, null, "T2", "2#液氯储罐", "储罐", "氯", "5");
            row(i, 3, usccB, "HS-01", "U1", "甲醇储存单元", "STORAGE", "T1", "甲醇储罐", "TANK", "甲醇", "600", "W5.3");
            wb.write(out);
            return out.toByteArray();
        }
    }

    static void row(org.apache.poi.ss.usermodel.Sheet sheet, int index, String... values) {
        var row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            if (values[c] == null) {
                continue;
            }
            // numbers go in as numeric cells, as Excel stores them
            if (values[c].matches("-?\\d+(\\.\\d+)?") && values[c].length() < 10) {
                row.createCell(c).setCellValue(Double.parseDouble(values[c]));
            } else {
                row.createCell(c).setCellValue(values[c]);
            }
        }
    }

    ImportReport importXlsx(byte[] file, boolean dryRun) throws IOException {
        return transfer.importFile(new ByteArrayInputStream(file), Format.XLSX, null, dryRun, "tester");
    }

    @Test
    void aFileWithErrorsImportsNothingAndNamesEveryBadCell() throws IOException {
        String a = uscc("91110105000000001");
        ImportReport report = importXlsx(workbook("110105", a, uscc("91110105000000002"), "很多", "9111010500000000Z"), false);
        assertFalse(report.applied());
        List<String> where = report.errors().stream().map(e -> e.sheet() + ":" + e.row() + ":" + e.column() + ":" + e.code()).toList();
        assertTrue(where.contains("inventory:2:tonnes:INVALID_NUMBER"), where.toString());
        assertEquals(0, registry.enterprises("110105", null, 0, 10).total(), "nothing imported");

        // with the number fixed the enterprise check character is still wrong, and the source of that enterprise fails too
        report = importXlsx(workbook("110105", a, uscc("91110105000000002"), "20", "91110105000000002Z"), false);
        where = report.errors().stream().map(e -> e.sheet() + ":" + e.row() + ":" + e.column() + ":" + e.code()).toList();
        assertTrue(where.stream().anyMatch(w -> w.startsWith("enterprises:3:uscc:USCC_")), where.toString());
        assertTrue(where.contains("hazardSources:3:enterpriseUscc:UNKNOWN_ENTERPRISE"), where.toString());
        assertEquals(0, registry.enterprises("110105", null, 0, 10).total(), "still nothing imported");
        assertEquals(0, sources.list(new HazardSourceQuery("110105", null, null, null), 0, 10).total());
    }

    @Test
    void aCleanFileImportsAndGradesAndADryRunWritesNothing() throws IOException {
        String a = uscc("91110106000000001");
        String b = uscc("91110106000000002");
        byte[] file = workbook("110106", a, b, "20", null);
        ImportReport dry = importXlsx(file, true);
        assertTrue(dry.errors().isEmpty(), dry.errors().toString());
        assertFalse(dry.applied());
        assertEquals(0, registry.enterprises("110106", null, 0, 10).total());

        ImportReport report = importXlsx(file, false);
        assertTrue(report.applied(), report.errors().toString());
        assertEquals(2, report.enterprisesCreated());
        assertEquals(2, report.hazardSourcesCreated());
        assertEquals(3, report.inventoryRows());
        var list = sources.list(new HazardSourceQuery("110106", null, null, "液氯"), 0, 10);
        assertEquals(1, list.total());
        HazardSource chlorine = sources.get(list.items().get(0).id()).orElseThrow();
        assertEquals(2, chlorine.units().get(0).equipment().size());
        assertEquals("5", chlorine.units().get(0).grading().s()); // (20 + 5) / 5
        assertEquals("40", chlorine.units().get(0).grading().r()); // α 2 (100 people or more) × β 4 × 5
        assertEquals(3, chlorine.grade());
    }

    @Test
    void anExportReadsBackAsTheSameRegistry() throws IOException {
        String a = uscc("91110107000000001");
        String b = uscc("91110107000000002");
        assertTrue(importXlsx(workbook("110107", a, b, "20", null), false).applied());

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        transfer.exportFile(xlsx, Format.XLSX, null, "110107");
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx.toByteArray()))) {
            assertEquals(3, wb.getNumberOfSheets());
            assertEquals(2, wb.getSheet("enterprises").getLastRowNum());
            assertEquals("统一社会信用代码(uscc)", wb.getSheet("enterprises").getRow(0).getCell(0).getStringCellValue());
        }
        ImportReport again = importXlsx(xlsx.toByteArray(), false);
        assertTrue(again.applied(), again.errors().toString());
        assertEquals(2, again.enterprisesUpdated());
        assertEquals(2, again.hazardSourcesUpdated());
        assertEquals(0, again.enterprisesCreated());

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        transfer.exportFile(csv, Format.CSV, "inventory", "110107");
        String text = csv.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF企业统一社会信用代码(enterpriseUscc)"), text);
        ImportReport fromCsv = transfer.importFile(new ByteArrayInputStream(csv.toByteArray()), Format.CSV, "inventory", false, "tester");
        assertTrue(fromCsv.applied(), fromCsv.errors().toString());
        assertEquals(2, fromCsv.hazardSourcesUpdated(), "inventory rows of stored sources update them");
    }

    @Test
    void brokenFilesAreRefusedWithAClearMessage() {
        IllegalArgumentException notExcel = assertThrows(IllegalArgumentException.class,
                () -> importXlsx("this is not a spreadsheet".getBytes(StandardCharsets.UTF_8), false));
        assertTrue(notExcel.getMessage().contains("xlsx"), notExcel.getMessage());
        byte[] gbk = "企业名称\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        IllegalArgumentException notUtf8 = assertThrows(IllegalArgumentException.class,
                () -> transfer.importFile(new ByteArrayInputStream(gbk), Format.CSV, "enterprises", false, "tester"));
        assertTrue(notUtf8.getMessage().contains("UTF-8"), notUtf8.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> transfer.importFile(new ByteArrayInputStream(new byte[] { 'a' }), Format.CSV, "nonsense", false, "t"));
    }

    @Test
    void unknownColumnsAndUnknownSourcesAreRowErrors() throws IOException {
        String csv = "uscc,name,colour\n" + uscc("91110108000000001") + ",某企业,red\n";
        ImportReport header = transfer.importFile(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), Format.CSV,
                "enterprises", false, "tester");
        assertEquals(List.of(new RowError("enterprises", 1, null, "INVALID_HEADER", "unknown column 'colour'")), header.errors());

        String inventory = "enterpriseUscc,hazardSourceCode,unitCode,substance,tonnes\n" + uscc("91110108000000001")
                + ",HS-X,U1,氯,3\n";
        ImportReport unknown = transfer.importFile(new ByteArrayInputStream(inventory.getBytes(StandardCharsets.UTF_8)),
                Format.CSV, "inventory", false, "tester");
        assertEquals("UNKNOWN_HAZARD_SOURCE", unknown.errors().get(0).code());
        assertEquals(2, unknown.errors().get(0).row());
    }

    @Test
    void theTemplateExplainsEveryColumn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transfer.template(out, Format.XLSX, null);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(4, wb.getNumberOfSheets());
            int columns = Sheets.ENTERPRISES.size() + Sheets.HAZARD_SOURCES.size() + Sheets.INVENTORY.size();
            assertTrue(wb.getSheetAt(3).getLastRowNum() >= columns);
            assertEquals(Sheets.INVENTORY.size(), wb.getSheet("inventory").getRow(0).getLastCellNum());
        }
    }

    static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new java.util.zip.ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aZipOfCsvFilesCreatesSourcesAndDerivedAccidentTypesStayDerived() throws IOException {
        String a = uscc("91110109000000001");
        byte[] archive = zip("企业.csv", "uscc,name,regionCode,industryGroup\n" + a + ",丙化工有限公司,110109,OTHER\n",
                "hazardSources.csv", "enterpriseUscc,code,name,exposedPeople\n" + a + ",HS-01,液氯库,10\n",
                "inventory.csv", "enterpriseUscc,hazardSourceCode,unitCode,unitName,unitKind,substance,tonnes\n"
                        + a + ",HS-01,U1,液氯库,STORAGE,氯,10\n");
        ImportReport created = transfer.importFile(new ByteArrayInputStream(archive), Format.CSV, null, false, "tester");
        assertTrue(created.applied(), created.errors().toString());
        assertEquals(1, created.hazardSourcesCreated());
        long id = sources.list(new HazardSourceQuery("110109", null, null, null), 0, 1).items().get(0).id();
        HazardSource chlorine = sources.get(id).orElseThrow();
        assertEquals(Boolean.FALSE, chlorine.accidentTypesEdited());

        // an inventory-only file changes the substance: the accident types are derived again, not frozen
        String petrol = "enterpriseUscc,hazardSourceCode,unitCode,unitName,unitKind,substance,hazardCategories,tonnes\n"
                + a + ",HS-01,U1,汽油库,STORAGE,汽油,W5.1,500\n";
        ImportReport updated = transfer.importFile(new ByteArrayInputStream(petrol.getBytes(StandardCharsets.UTF_8)), Format.CSV,
                "inventory", false, "tester");
        assertTrue(updated.applied(), updated.errors().toString());
        HazardSource after = sources.get(id).orElseThrow();
        assertEquals(Boolean.FALSE, after.accidentTypesEdited());
        assertEquals(after.derivedAccidentTypes(), after.accidentTypes());
        assertFalse(after.accidentTypes().equals(chlorine.accidentTypes()), after.accidentTypes() + " vs " + chlorine.accidentTypes());

        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        transfer.exportFile(exported, Format.CSV, null, "110109");
        ImportReport again = transfer.importFile(new ByteArrayInputStream(exported.toByteArray()), Format.CSV, null, true, "tester");
        assertTrue(again.errors().isEmpty(), again.errors().toString());
        assertEquals(1, again.enterprisesUpdated());
        assertEquals(1, again.hazardSourcesUpdated(), "a dry run counts what it would update");
    }

    @Test
    void damagedWorkbooksAndTooPreciseQuantitiesAreClearErrors() throws IOException {
        byte[] notAWorkbook = zip("hello.txt", "a zip, but no workbook");
        IllegalArgumentException damaged = assertThrows(IllegalArgumentException.class, () -> importXlsx(notAWorkbook, false));
        assertTrue(damaged.getMessage().contains("cannot be read") || damaged.getMessage().contains("xlsx"), damaged.getMessage());

        String a = uscc("91110111000000001");
        ImportReport precise = importXlsx(workbook("110111", a, uscc("91110111000000002"), "4.9999996", null), false);
        assertFalse(precise.applied());
        assertTrue(precise.errors().stream().anyMatch(e -> e.row() == 2 && "tonnes".equals(e.column())
                && e.code().equals("TOO_PRECISE")), precise.errors().toString());
        assertEquals(0, registry.enterprises("110111", null, 0, 10).total());
    }
}
