package org.hazardwatch.reports.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.h2.jdbcx.JdbcDataSource;
import org.hazardwatch.api.accident.AccidentService;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.core.internal.accident.JdbcAccidents;
import org.hazardwatch.core.internal.analytics.JdbcAccidentRelations;
import org.hazardwatch.core.internal.analytics.JdbcAlarmAnalytics;
import org.hazardwatch.core.internal.analytics.JdbcHazardAnalytics;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.db.Jdbc;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.junit.jupiter.api.Test;

/** A month of a county rendered as PDF: the numbers the analyses give come back out of the text. */
class MonthlyReportTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String USCC = "91370281MA3HW2026N";

    DataSource dataSource;

    void execute(String sql, Object... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, Arrays.asList(args));
            s.executeUpdate();
        }
    }

    void alarm(String point, String kind, ZonedDateTime at) throws Exception {
        execute("INSERT INTO alarm (point_id, kind, state, priority, trigger_value, limit_value, raised_at) VALUES (?, ?, 'NORMAL', 'HIGH', 1, 1, ?)",
                point, kind, at.toInstant());
    }

    void accident(String id, ZonedDateTime at, String kind) throws Exception {
        execute("INSERT INTO accident (id, occurred_at, uscc, enterprise_name, region_code, industry_code, kind, deaths, injuries, description, "
                + "recorded_by, recorded_at, updated_by, updated_at, revision, dedup_key) VALUES (?, ?, ?, '青岛某化工有限公司', '370281', '2614', ?, 1, 3, "
                + "'储罐泄漏起火', 't', ?, 't', ?, 1, ?)", id, at.toInstant(), USCC, kind, Instant.now(), Instant.now(), id);
    }

    @Test
    void theMonthlyReportCarriesTheMonthsNumbersInChinese() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:monthly" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        dataSource = h2;
        DatabaseMigrator.migrate(dataSource);
        new JdbcRegistry(dataSource, Clock.systemUTC()).create(new Enterprise(null, USCC, "青岛某化工有限公司", "370281", null, null, "2614",
                IndustryGroup.FINE_CHEMICALS, "胶州市经济开发区1号", 120.03, 36.26, "张三", "0532-12345678", null, null, null));
        YearMonth month = YearMonth.now(CHINA).minusMonths(1);
        ZonedDateTime start = month.atDay(1).atStartOfDay(CHINA);
        execute("INSERT INTO hazard_source_history (uscc, code, valid_from, standing, status, grade, accident_types, potential_deaths, region_code, "
                + "industry_code, enterprise_name, source_name) VALUES (?, 'HS-B', ?, TRUE, 'ACTIVE', 1, 'FIRE', 12, '370281', '2614', '青岛某化工有限公司', '罐区B')",
                USCC, start.minusYears(1).toInstant());
        for (String point : new String[] { "GT201", "TT101" }) {
            execute("INSERT INTO monitoring_point (id, name, point_type, unit, range_low, range_high, area, enterprise_code, updated_at) "
                    + "VALUES (?, ?, ?, 'u', 0, 100, 'B', ?, ?)", point, point, point.startsWith("GT") ? "COMBUSTIBLE_GAS" : "TEMPERATURE", USCC, Instant.now());
        }
        // the month: 7 gas alarms (two before each accident), 2 temperature faults; the month before: 4 alarms
        ZonedDateTime first = start.plusDays(3).withHour(9);
        ZonedDateTime second = start.plusDays(12).withHour(15);
        for (ZonedDateTime accident : new ZonedDateTime[] { first, second }) {
            alarm("GT201", "HIGH_HIGH", accident.minusHours(2));
            alarm("GT201", "HIGH", accident.minusHours(3));
        }
        alarm("GT201", "HIGH", start.plusDays(20).withHour(3));
        alarm("GT201", "HIGH", start.plusDays(21).withHour(3));
        alarm("GT201", "HIGH", start.plusDays(22).withHour(3));
        alarm("TT101", "FAULT", start.plusDays(5).withHour(9));
        alarm("TT101", "FAULT", start.plusDays(6).withHour(9));
        for (int d = 1; d <= 4; d++) {
            alarm("GT201", "HIGH", start.minusDays(d).withHour(10));
        }
        accident("a1", first, "FIRE");
        accident("a2", second, "LEAK");
        JdbcAlarmAnalytics alarms = new JdbcAlarmAnalytics(dataSource, Clock.systemUTC());
        AccidentService accidents = new JdbcAccidents(dataSource, null, () -> null, Clock.systemUTC());
        MonthlyReportComponent report = new MonthlyReportComponent(new JdbcHazardAnalytics(dataSource, Clock.systemUTC()), alarms,
                new JdbcAccidentRelations(dataSource, Clock.systemUTC()), accidents);
        Caller county = new Caller("analyst", "analyst", null, "analyst", OrgLevel.COUNTY, DataScope.region("370281"),
                EnumSet.of(Permission.ANALYTICS_VIEW, Permission.ACCIDENT_VIEW), Set.of());
        // before the statistics ever counted an alarm (a new node): a report all the same
        ByteArrayOutputStream early = new ByteArrayOutputStream();
        report.write(county, null, month, early);
        try (PDDocument pdf = Loader.loadPDF(early.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("报警统计尚未开始累计") && text.contains("本月报警 0 次"), text);
        }
        alarms.catchUp();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.write(county, null, month, out);
        String text;
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        String period = month.getYear() + "年" + month.getMonthValue() + "月";
        assertTrue(text.contains("胶州市危险化学品重大危险源监测预警月报") || text.contains("危险化学品重大危险源监测预警月报"), text);
        assertTrue(text.contains("统计期：" + period), text);
        assertTrue(text.contains("本月共有重大危险源 1 处（一级 1、二级 0、三级 0、四级 0）"), text);
        assertTrue(text.contains("本月报警 9 次（工艺报警 7 次，仪表故障 2 次），较上月增加 125.0%"), text);
        assertTrue(text.contains("本月登记事故 2 起，其中 2 起事故前 24 小时内同一企业有报警"), text);
        assertTrue(text.contains("每千次报警事故数 222.222"), "2 accidents / 9 alarms: " + text);
        assertTrue(text.contains("青岛某化工有限公司"), text);
        assertTrue(text.contains("火灾") && text.contains("泄漏"), "accident types: " + text);
        assertTrue(text.contains("可燃气体·高高报"), "the pattern before both accidents: " + text);
        assertTrue(text.contains("可燃气体 7 4"), "gas alarms this month and the month before: " + text);

        assertThrows(ValidationException.class, () -> report.write(county, null, YearMonth.now(CHINA).plusMonths(1), new ByteArrayOutputStream()));
        assertThrows(SecurityException.class, () -> report.write(county, "320581", month, new ByteArrayOutputStream()));
        report.close();
    }
}
