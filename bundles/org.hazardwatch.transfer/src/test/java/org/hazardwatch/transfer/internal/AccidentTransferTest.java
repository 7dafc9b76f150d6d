package org.hazardwatch.transfer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hazardwatch.api.accident.Accident;
import org.hazardwatch.api.accident.AccidentKind;
import org.hazardwatch.api.accident.AccidentService;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.EnterpriseStatus;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.core.internal.accident.JdbcAccidents;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.hazardwatch.core.internal.security.SecurityComponent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The accident workbook against the real register on PostgreSQL (skipped loudly when absent): Excel dates and typed
 * times, Chinese type names, cells that cannot be read reported with their row, a file stored once.
 */
class AccidentTransferTest {

    static final String PLANT = "91370281MA3HW2026N";

    JdbcAccidents accidents;
    AccidentTransferComponent transfer;
    final Caller county = new Caller("county", "county", null, "胶州市应急管理局", OrgLevel.COUNTY, DataScope.region("370281"),
            EnumSet.of(Permission.ACCIDENT_VIEW, Permission.ACCIDENT_EDIT), Set.of());

    @BeforeEach
    void database() throws Exception {
        String host = System.getenv().getOrDefault("HAZARDWATCH_TEST_PG_HOST", "127.0.0.1");
        String name = "hw_accidents_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":5432/postgres?connectTimeout=3", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            System.err.println("\n!!!!!!!! PostgreSQL does not answer: SKIPPING the accident workbook tests !!!!!!!!\n");
            Assumptions.abort("PostgreSQL does not answer: " + e.getMessage());
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] { host });
        ds.setDatabaseName(name);
        ds.setUser("postgres");
        DataSource dataSource = ds;
        DatabaseMigrator.migrate(dataSource);
        JdbcRegistry registry = new JdbcRegistry(dataSource, Clock.systemUTC());
        registry.create(new Enterprise(null, PLANT, "青岛模拟化工有限公司", "370281", null, null, "2614", IndustryGroup.FINE_CHEMICALS, null, null,
                null, null, null, EnterpriseStatus.OPERATING, null, null));
        accidents = new JdbcAccidents(dataSource, SecurityComponent.create(dataSource, new org.hazardwatch.api.auth.PasswordPolicy(10, 3, 5, 15,
                480, 30), "HazardWatch", Clock.systemUTC()).audit(), () -> null, Clock.systemUTC());
        transfer = new AccidentTransferComponent(accidents);
    }

    /** A sheet as a person fills it in: Chinese headers, an Excel date cell, typed times, Chinese type names. */
    static byte[] workbook(String secondKind, String secondDeaths) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("事故");
            String[] header = { "发生时间", "事故类型", "统一社会信用代码", "企业名称", "行政区划代码", "死亡人数", "受伤人数", "直接经济损失(万元)", "事故概况" };
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            Row r1 = sheet.createRow(1);
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            r1.createCell(0).setCellValue(LocalDateTime.of(2015, 8, 12, 23, 34));
            r1.getCell(0).setCellStyle(dateStyle);
            r1.createCell(1).setCellValue("爆炸");
            r1.createCell(2).setCellValue(PLANT);
            r1.createCell(5).setCellValue(3);
            r1.createCell(6).setCellValue(8);
            r1.createCell(7).setCellValue(1250.5);
            r1.createCell(8).setCellValue("仓库爆炸");
            Row r2 = sheet.createRow(2);
            r2.createCell(0).setCellValue("2009-03-01 08:15");
            r2.createCell(1).setCellValue(secondKind);
            r2.createCell(3).setCellValue("胶州化肥厂");
            r2.createCell(4).setCellValue("370281");
            r2.createCell(5).setCellValue(secondDeaths);
            r2.createCell(6).setCellValue(0);
            r2.createCell(8).setCellValue("液氨泄漏");
            sheet.createRow(3); // a blank row is skipped
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aFilledInWorkbookIsImportedOnceAndExportedInTheSameColumns() throws Exception {
        AccidentService.ImportResult dry = transfer.importFile(county, new ByteArrayInputStream(workbook("泄漏", "0")), true);
        assertEquals(List.of(), dry.errors());
        assertEquals(2, dry.created());
        assertEquals(0, accidents.search(county, null, 0, 10).total(), "a dry run stores nothing");

        AccidentService.ImportResult done = transfer.importFile(county, new ByteArrayInputStream(workbook("泄漏", "0")), false);
        assertEquals(2, done.created());
        List<Accident> stored = accidents.search(county, null, 0, 10).items();
        assertEquals(Instant.parse("2015-08-12T15:34:00Z"), stored.get(0).occurredAt(), "an Excel date cell, China time");
        assertEquals(AccidentKind.EXPLOSION, stored.get(0).kind());
        assertEquals("青岛模拟化工有限公司", stored.get(0).enterpriseName(), "from the registry");
        assertEquals(0, new java.math.BigDecimal("1250.50").compareTo(stored.get(0).directLossWan()));
        assertEquals(Instant.parse("2009-03-01T00:15:00Z"), stored.get(1).occurredAt(), "a typed time, China time");
        assertEquals(AccidentKind.LEAK, stored.get(1).kind());

        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        transfer.export(county, new AccidentService.Query(null, null, null, null, null, null, false), exported);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(exported.toByteArray()))) {
            assertEquals(2, wb.getSheet("accidents").getLastRowNum(), "a header and two accidents");
            assertEquals("2015-08-12 23:34", wb.getSheet("accidents").getRow(1).getCell(0).getStringCellValue());
        }
        AccidentService.ImportResult again = transfer.importFile(county, new ByteArrayInputStream(exported.toByteArray()), false);
        assertEquals(0, again.created());
        assertEquals(2, again.duplicates(), "the export imported again is recognised");
        assertEquals(2, accidents.search(county, null, 0, 10).total());
    }

    @Test
    void unreadableCellsAreReportedWithTheirRowsAndNothingIsStored() throws Exception {
        AccidentService.ImportResult refused = transfer.importFile(county, new ByteArrayInputStream(workbook("坍塌", "两人")), false);
        assertEquals(List.of("3 kind:INVALID", "3 deaths:FORMAT"),
                refused.errors().stream().map(e -> e.row() + " " + e.error().field() + ":" + e.error().code()).toList());
        assertEquals(0, refused.created());
        assertEquals(0, accidents.search(county, null, 0, 10).total());
        assertThrows(InvalidFileException.class, () -> transfer.importFile(county, new ByteArrayInputStream("not a workbook".getBytes()), false));

        ByteArrayOutputStream template = new ByteArrayOutputStream();
        transfer.template(template);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(template.toByteArray()))) {
            assertEquals(AccidentTransferComponent.COLUMNS.size(), wb.getSheet("accidents").getRow(0).getPhysicalNumberOfCells());
            assertTrue(wb.getSheet("accidents").getRow(0).getCell(0).getStringCellValue().startsWith("发生时间"));
        }
        AccidentService.ImportResult emptyTemplate = transfer.importFile(county, new ByteArrayInputStream(template.toByteArray()), false);
        assertEquals(0, emptyTemplate.rows(), "the empty template imports nothing, without errors");
        assertEquals(List.of(), emptyTemplate.errors());
    }
}
