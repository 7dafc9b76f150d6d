package org.hazardwatch.reports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hazardwatch.api.accident.Accident;
import org.hazardwatch.api.accident.AccidentService;
import org.hazardwatch.api.analytics.AccidentRelations;
import org.hazardwatch.api.analytics.AlarmAnalytics;
import org.hazardwatch.api.analytics.HazardAnalytics;
import org.hazardwatch.api.analytics.MonthlyReport;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The monthly report from the analyses the pages show (the same numbers): the registry at the month's end, the
 * month's alarms with the month before, the accidents and the alarm-to-accident relation of the month.
 */
@Component(service = MonthlyReport.class)
public class MonthlyReportComponent implements MonthlyReport {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);
    /** Most parts and accidents listed; the rest are in the Excel exports. */
    static final int LISTED = 30;

    private final HazardAnalytics hazards;
    private final AlarmAnalytics alarms;
    private final AccidentRelations relations;
    private final AccidentService accidents;
    private final ChineseFont font = new ChineseFont();

    @Activate
    public MonthlyReportComponent(@Reference HazardAnalytics hazards, @Reference AlarmAnalytics alarms, @Reference AccidentRelations relations,
            @Reference AccidentService accidents) {
        this.hazards = hazards;
        this.alarms = alarms;
        this.relations = relations;
        this.accidents = accidents;
    }

    // synchronized like the rendering: the font is not closed under a report being written
    @Deactivate
    synchronized void close() throws IOException {
        font.close();
    }

    @Override
    public void write(Caller caller, String region, YearMonth month, OutputStream out) throws IOException {
        YearMonth thisMonth = YearMonth.now(CHINA);
        if (month.isAfter(thisMonth)) {
            throw new ValidationException(List.of(new FieldError("month", "IN_FUTURE", "not after this month")));
        }
        LocalDate today = LocalDate.now(CHINA);
        LocalDate asOf = month.equals(thisMonth) ? today : month.atEndOfMonth();
        HazardAnalytics.Overview registry = hazards.overview(caller, region, asOf, null);
        AlarmAnalytics.Analysis alarmsOfMonth = alarms.analyse(caller, region, month, month, null, null);
        YearMonth previous = month.minusMonths(1);
        AlarmAnalytics.Analysis alarmsBefore = alarms.analyse(caller, region, previous, previous, null, null);
        AccidentRelations.Analysis relation = relations.analyse(caller, region, month, month, null, null);
        Instant from = month.atDay(1).atStartOfDay(CHINA).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(CHINA).toInstant();
        String area = relation.area().code();
        boolean enterprise = "ENTERPRISE".equals(relation.area().kind());
        // the list needs accident:view; without it the report gives the counts only
        List<Accident> listed = !caller.has(org.hazardwatch.api.security.Permission.ACCIDENT_VIEW) ? List.of()
                : accidents.search(caller, new AccidentService.Query(enterprise ? null : area, from, to, null, enterprise ? area : null, null, false),
                        0, LISTED).items();
        render(registry, alarmsOfMonth, alarmsBefore, relation, listed, month, asOf, out);
    }

    // rendering is serialised: the parsed font is shared and PDFBox subsetting reads it
    private synchronized void render(HazardAnalytics.Overview registry, AlarmAnalytics.Analysis a, AlarmAnalytics.Analysis before,
            AccidentRelations.Analysis relation, List<Accident> listed, YearMonth month, LocalDate asOf, OutputStream out) throws IOException {
        String period = month.getYear() + "年" + month.getMonthValue() + "月";
        String areaName = registry.regionName();
        try (PdfLayout pdf = new PdfLayout(font.get(), areaName + " " + period + " 监测预警月报", "HazardWatch 危险化学品重大危险源监测预警系统  " + areaName + " "
                + period + "月报  生成于 " + TIME.format(Instant.now()))) {
            pdf.title(areaName + "危险化学品重大危险源监测预警月报");
            // a node that has never counted an alarm has no "counted up to" yet
            pdf.paragraph("统计期：" + period + "（北京时间）。重大危险源截至 " + asOf + "；"
                    + (a.upTo() == null ? "报警统计尚未开始累计" : "报警统计截至 " + TIME.format(a.upTo())) + "。");
            pdf.gap();

            pdf.heading("一、概况");
            long change = a.total() - before.total();
            String trend = before.total() == 0 ? "上月无报警" : String.format("较上月%s %.1f%%", change >= 0 ? "增加" : "减少",
                    Math.abs(change) * 100.0 / before.total());
            pdf.paragraph(String.format("本月共有重大危险源 %d 处（一级 %d、二级 %d、三级 %d、四级 %d）。本月报警 %d 次（工艺报警 %d 次，仪表故障 %d 次），%s。"
                    + "本月登记事故 %d 起，其中 %d 起事故前 %d 小时内同一企业有报警；每千次报警事故数 %s。",
                    registry.total().total(), grade(registry, "1"), grade(registry, "2"), grade(registry, "3"), grade(registry, "4"), a.total(),
                    a.byCategory().getOrDefault("PROCESS", 0L), a.byCategory().getOrDefault("INSTRUMENT", 0L), trend, relation.accidents(),
                    relation.accidentsWithAlarms(), relation.windowHours(), rate(relation.per1000())));

            pdf.heading("二、重大危险源分布（截至 " + asOf + "）");
            List<String[]> sourceRows = new ArrayList<>();
            for (HazardAnalytics.Cell c : registry.children().stream().limit(LISTED).toList()) {
                sourceRows.add(new String[] { label(c.name(), c.code()), Long.toString(c.total()), count(c.byGrade(), "1"), count(c.byGrade(), "2"),
                        count(c.byGrade(), "3"), count(c.byGrade(), "4") });
            }
            HazardAnalytics.Cell t = registry.total();
            sourceRows.add(new String[] { "合计", Long.toString(t.total()), count(t.byGrade(), "1"), count(t.byGrade(), "2"), count(t.byGrade(), "3"),
                    count(t.byGrade(), "4") });
            pdf.grid(new String[] { "区域 / 企业", "重大危险源", "一级", "二级", "三级", "四级" }, sourceRows, new float[] { 4, 2, 1, 1, 1, 1 });

            pdf.heading("三、报警统计");
            List<String[]> typeRows = new ArrayList<>();
            Map<String, Long> previousTypes = before.byPointType();
            a.byPointType().forEach((type, n) -> typeRows.add(new String[] { Names.pointType(type), Long.toString(n),
                    Long.toString(previousTypes.getOrDefault(type, 0L)) }));
            pdf.grid(new String[] { "设备类型", "本月报警", "上月报警" }, typeRows, new float[] { 3, 2, 2 });
            pdf.paragraph("报警时段分布（0-23 时）：");
            List<String> hours = new ArrayList<>();
            List<Long> perHour = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                hours.add(Integer.toString(h));
                perHour.add(a.byHour() == null ? 0L : a.byHour().getOrDefault(h, 0L));
            }
            pdf.bars(hours, perHour, 90);
            List<String[]> partRows = new ArrayList<>();
            for (AlarmAnalytics.Part p : a.children().stream().limit(LISTED).toList()) {
                partRows.add(new String[] { label(p.name(), p.code()), Long.toString(p.total()), Long.toString(p.process()), Long.toString(p.instrument()) });
            }
            if (!partRows.isEmpty()) {
                pdf.paragraph("报警最多的" + ("ENTERPRISE".equals(a.childLevel()) ? "企业" : "区域") + "：");
                pdf.grid(new String[] { "区域 / 企业", "报警", "工艺报警", "仪表故障" }, partRows, new float[] { 4, 2, 2, 2 });
            }

            pdf.heading("四、事故及报警关联");
            if (relation.accidents() == 0) {
                pdf.paragraph("本月未登记事故。");
            } else if (listed.isEmpty()) {
                pdf.paragraph("本月登记事故 " + relation.accidents() + " 起（事故明细需要事故查看权限）。");
            } else {
                List<String[]> accidentRows = new ArrayList<>();
                for (Accident x : listed) {
                    accidentRows.add(new String[] { TIME.format(x.occurredAt()), x.enterpriseName(), x.kind().label(), Integer.toString(x.deaths()),
                            Integer.toString(x.injuries()), x.directLossWan() == null ? "-" : x.directLossWan().toPlainString() });
                }
                pdf.grid(new String[] { "时间", "企业", "类型", "死亡", "受伤", "直接经济损失（万元）" }, accidentRows, new float[] { 2.4f, 4, 1.2f, 1, 1, 2 });
                if (relation.accidents() > listed.size()) {
                    pdf.paragraph("（仅列出前 " + listed.size() + " 起，共 " + relation.accidents() + " 起。）");
                }
            }
            List<String[]> kindRows = new ArrayList<>();
            for (AccidentRelations.Rate r : relation.byKind()) {
                kindRows.add(new String[] { Names.kind(r.key()), Long.toString(r.accidents()), Long.toString(r.alarms()), rate(r.per1000()) });
            }
            if (!kindRows.isEmpty()) {
                pdf.grid(new String[] { "报警类型", "事故前出现的事故数", "报警次数", "每千次报警事故数" }, kindRows, new float[] { 3, 2, 2, 2 });
            }
            List<AccidentRelations.Rule> rules = relation.patterns().rules();
            if (!rules.isEmpty()) {
                List<String[]> ruleRows = new ArrayList<>();
                for (AccidentRelations.Rule r : rules.stream().limit(10).toList()) {
                    ruleRows.add(new String[] { String.join(" + ", r.items().stream().map(Names::alarmItem).toList()), Long.toString(r.accidents()),
                            String.format("%.2f%%", r.confidence() * 100), String.format("%.2f", r.lift()) });
                }
                pdf.grid(new String[] { "事故前报警模式", "事故数", "置信度", "提升度" }, ruleRows, new float[] { 5, 1.5f, 1.5f, 1.5f });
            }
            pdf.paragraph("说明：报警模式按“企业·日”统计，事故前窗口为 " + relation.windowHours() + " 小时；事故少时比率不稳定，关联不等于因果，"
                    + "未接入监测的企业及接入前的事故没有报警数据。方法见系统“事故关联分析”页面。");
            pdf.save(out);
        }
    }

    private static long grade(HazardAnalytics.Overview o, String grade) {
        return o.total().byGrade().getOrDefault(grade, 0L);
    }

    private static String count(Map<String, Long> counts, String key) {
        return Long.toString(counts.getOrDefault(key, 0L));
    }

    private static String label(String name, String code) {
        return name == null || name.isBlank() || name.equals(code) ? code : name + "（" + code + "）";
    }

    private static String rate(Double per1000) {
        return per1000 == null ? "-" : String.format("%.3f", per1000);
    }
}
