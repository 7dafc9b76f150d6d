package org.hazardwatch.reports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.h2.jdbcx.JdbcDataSource;
import org.hazardwatch.api.disposal.Disposal;
import org.hazardwatch.api.disposal.EmergencyPlan;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.core.internal.alarm.AlarmModule;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.db.JdbcAlarmStore;
import org.hazardwatch.core.internal.db.JdbcPointRepository;
import org.hazardwatch.core.internal.disposal.JdbcDisposals;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.junit.jupiter.api.Test;

/** A real disposal rendered as PDF: the Chinese text comes back out of it, with the font embedded as a subset. */
class DisposalReportTest {

    @Test
    void theReportCarriesTheDisposalInChineseWithAnEmbeddedSubsetFont() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:report" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        DatabaseMigrator.migrate(dataSource);
        JdbcRegistry registry = new JdbcRegistry(dataSource, Clock.systemUTC());
        registry.create(new Enterprise(null, "91370281MA3HW2026N", "青岛某化工有限公司", "370281", null, null, "2614",
                IndustryGroup.FINE_CHEMICALS, "胶州市经济开发区1号", 120.03, 36.26, "张三", "0532-12345678", null, null, null));
        JdbcPointRepository points = new JdbcPointRepository(dataSource);
        points.save(new MonitoringPoint("B-GT201", "罐区B可燃气体检测器GT201", PointType.COMBUSTIBLE_GAS, "%LEL", 0, 100, null,
                25.0, "罐区B（汽油）", "91370281MA3HW2026N", "HS-B"));
        var engine = AlarmModule.create(dataSource, points, Clock.systemUTC(), Duration.ZERO, e -> { }).engine();
        Instant t = Instant.now().minusSeconds(600);
        engine.evaluate(List.of(new Sample("B-GT201", t, 57.5, Quality.GOOD)));
        Alarm highHigh = new JdbcAlarmStore(dataSource).open().stream().filter(a -> a.kind().name().equals("HIGH_HIGH"))
                .findFirst().orElseThrow();
        engine.acknowledge(highHigh.id(), "值班员李四", "已通知现场");

        JdbcDisposals disposals = new JdbcDisposals(dataSource, engine::find, points::findById, Clock.systemUTC());
        EmergencyPlan plan = disposals.savePlan(new EmergencyPlan(null, "91370281MA3HW2026N", "HS-B", "汽油罐区泄漏现场处置方案",
                EmergencyPlan.PlanLevel.ON_SITE, "1. 切断泄漏源\n2. 启动消防喷淋\n3. 疏散下风向人员", "QD-YA-2026-03", null, null), "安全科");
        Disposal d = disposals.open(highHigh.id(), "值班员李四");
        disposals.verify(d.id(), "王工", Instant.now().plusSeconds(1800), "请立即到罐区B核实", "值班员李四");
        disposals.dispose(d.id(), plan.id(), "应急小组", Instant.now().plusSeconds(7200), "现场确认法兰泄漏", "王工");
        disposals.attach(d.id(), "现场照片.jpg", "image/jpeg", new ByteArrayInputStream(new byte[] { 1, 2, 3 }), "王工");
        disposals.close(d.id(), "法兰垫片老化导致汽油泄漏，已更换垫片，可燃气体浓度恢复正常", false, "安全科");

        DisposalReportComponent reports = new DisposalReportComponent(disposals, engine, points, registry);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.write(d.id(), out);
        byte[] pdf = out.toByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("target/disposal-report.pdf"), pdf);
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            for (String expected : new String[] { "报警处置报告", "青岛某化工有限公司", "罐区B可燃气体检测器GT201", "高高报",
                    "57.5 / 50 %LEL", "汽油罐区泄漏现场处置方案", "切断泄漏源", "法兰垫片老化导致汽油泄漏", "现场核实 → 按预案处置",
                    "现场照片.jpg", "报警确认", "已通知现场", "已关闭" }) {
                assertTrue(text.contains(expected), "the report says '" + expected + "':\n" + text);
            }
            PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(font.isEmbedded(), "the font travels with the file");
            assertTrue(font.getName().contains("+"), "as a subset: " + font.getName());
        }
        assertTrue(pdf.length < 400_000, "a subset keeps the file small: " + pdf.length + " bytes");
        assertThrows(NoSuchElementException.class, () -> reports.write(999, new ByteArrayOutputStream()));
    }
}
