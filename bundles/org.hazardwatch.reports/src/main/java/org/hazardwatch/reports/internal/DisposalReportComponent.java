package org.hazardwatch.reports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.hazardwatch.api.alarm.AlarmEvent;
import org.hazardwatch.api.alarm.AlarmService;
import org.hazardwatch.api.disposal.Disposal;
import org.hazardwatch.api.disposal.DisposalAttachment;
import org.hazardwatch.api.disposal.DisposalReport;
import org.hazardwatch.api.disposal.DisposalService;
import org.hazardwatch.api.disposal.DisposalStatus;
import org.hazardwatch.api.disposal.DisposalStep;
import org.hazardwatch.api.disposal.EmergencyPlan;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.api.store.PointRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The alarm disposal report (报警处置报告) as PDF, in Chinese, times in China Standard Time: the alarm, the disposal
 * record with its emergency plan and conclusion, every step, the attachments with their SHA-256, and the alarm's
 * journal.
 */
@Component(service = DisposalReport.class)
public class DisposalReportComponent implements DisposalReport {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);

    private final DisposalService disposals;
    private final AlarmService alarms;
    private final PointRepository points;
    private final RegistryService registry;
    private final ChineseFont font = new ChineseFont();

    @Activate
    public DisposalReportComponent(@Reference DisposalService disposals, @Reference AlarmService alarms,
            @Reference PointRepository points, @Reference RegistryService registry) {
        this.disposals = disposals;
        this.alarms = alarms;
        this.points = points;
        this.registry = registry;
    }

    // synchronized like the rendering: the font is not closed under a report being written
    @Deactivate
    synchronized void close() throws IOException {
        font.close();
    }

    @Override
    public void write(long disposalId, OutputStream out) throws IOException {
        Disposal d = disposals.get(disposalId).orElseThrow(() -> new NoSuchElementException("no disposal " + disposalId));
        Alarm alarm = alarms.find(d.alarmId()).orElseThrow(() -> new NoSuchElementException("no alarm " + d.alarmId()));
        Optional<MonitoringPoint> point = points.findById(d.pointId());
        String enterprise = registry.enterprises(null, d.enterpriseCode(), 0, 5).items().stream()
                .filter(e -> d.enterpriseCode().equals(e.uscc())).map(e -> e.name() + "（" + e.uscc() + "）").findFirst()
                .orElse(d.enterpriseCode());
        Optional<EmergencyPlan> plan = d.planId() == null ? Optional.empty() : disposals.plan(d.planId());
        String unit = point.map(MonitoringPoint::unit).orElse("");
        render(d, alarm, point, enterprise, plan, unit, alarms.history(alarm.id()), out);
    }

    // rendering is serialised: the parsed font is shared and PDFBox subsetting reads it
    private synchronized void render(Disposal d, Alarm alarm, Optional<MonitoringPoint> point, String enterprise,
            Optional<EmergencyPlan> plan, String unit, List<AlarmEvent> journal, OutputStream out) throws IOException {
        try (PdfLayout pdf = new PdfLayout(font.get(), "报警处置报告 " + d.id(), "HazardWatch 危险化学品重大危险源监测预警系统  报警处置报告 "
                + d.id() + "  生成于 " + TIME.format(Instant.now()))) {
            pdf.title("报警处置报告");
            pdf.heading("一、报警信息");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] { "企业", enterprise });
            rows.add(new String[] { "重大危险源", d.hazardSourceCode() });
            rows.add(new String[] { "监测点位", point.map(p -> p.name() + "（" + p.id() + "）").orElse(d.pointId()) });
            rows.add(new String[] { "报警编号", Long.toString(alarm.id()) });
            rows.add(new String[] { "报警类型", Names.kind(alarm.kind()) + "（" + Names.priority(alarm.priority()) + "优先级）" });
            rows.add(new String[] { "报警值 / 限值", number(alarm.value()) + " / " + number(alarm.limit()) + " " + unit });
            rows.add(new String[] { "报警时间", time(alarm.raisedAt()) });
            rows.add(new String[] { "恢复时间", time(alarm.clearedAt()) });
            rows.add(new String[] { "确认", alarm.acknowledgedBy() == null ? "未确认"
                    : alarm.acknowledgedBy() + "，" + time(alarm.acknowledgedAt()) });
            pdf.table(rows);

            pdf.heading("二、处置情况");
            rows = new ArrayList<>();
            rows.add(new String[] { "处置编号", Long.toString(d.id()) });
            rows.add(new String[] { "状态", Names.status(d.status()) + (d.falseAlarm() ? "（误报）" : "") });
            rows.add(new String[] { "发起", d.createdBy() + "，" + time(d.createdAt()) });
            if (d.status() != DisposalStatus.CLOSED) {
                rows.add(new String[] { "当前负责人", d.assignee() });
                rows.add(new String[] { "期限", time(d.deadline()) + (d.isOverdue(Instant.now()) ? "（已超期）" : "") });
            }
            rows.add(new String[] { "应急预案", plan.map(p -> p.title() + "（" + Names.planLevel(p.level()) + "）"
                    + (p.documentRef() == null ? "" : "，文号 " + p.documentRef())).orElse("未启用") });
            rows.add(new String[] { "处置结论", d.conclusion() });
            rows.add(new String[] { "关闭时间", time(d.closedAt()) });
            pdf.table(rows);
            if (plan.isPresent()) {
                pdf.gap();
                pdf.paragraph("预案处置步骤：");
                pdf.paragraph(plan.get().steps());
            }

            pdf.heading("三、处置过程");
            for (DisposalStep step : d.steps()) {
                String move = step.from() == null || step.from() == step.to() ? Names.status(step.to())
                        : Names.status(step.from()) + " → " + Names.status(step.to());
                StringBuilder text = new StringBuilder(time(step.at()) + "  " + step.actor() + "  " + move);
                if (step.assignee() != null) {
                    text.append("  负责人 ").append(step.assignee());
                }
                if (step.deadline() != null) {
                    text.append("  期限 ").append(time(step.deadline()));
                }
                if (step.note() != null) {
                    text.append("\n    ").append(step.note());
                }
                pdf.paragraph(text.toString());
            }

            pdf.heading("四、附件");
            if (d.attachments().isEmpty()) {
                pdf.paragraph("无");
            }
            for (DisposalAttachment a : d.attachments()) {
                pdf.paragraph(a.fileName() + "（" + a.contentType() + "，" + a.size() + " 字节，" + a.uploadedBy() + " 于 "
                        + time(a.uploadedAt()) + " 上传）\n    SHA-256 " + a.sha256());
            }

            pdf.heading("五、报警记录");
            for (AlarmEvent e : journal) {
                pdf.paragraph(time(e.at()) + "  " + Names.event(e.type()) + "  " + e.actor()
                        + (e.value() == null ? "" : "  值 " + number(e.value()) + " " + unit)
                        + (e.comment() == null ? "" : "  " + e.comment()));
            }
            pdf.save(out);
        }
    }

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4g", value).replaceAll("(\\.\\d*?)0+$", "$1")
                .replaceAll("\\.$", "") : "-";
    }
}
