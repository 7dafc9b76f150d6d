package org.hazardwatch.reports.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.hazardwatch.api.registration.DocumentType;
import org.hazardwatch.api.registration.NoticeRenderer;
import org.hazardwatch.api.registration.RegistrationCase;
import org.hazardwatch.api.registration.RegistrationDocument;
import org.hazardwatch.api.registration.RegistrationKind;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The notice of a registered application (重大危险源登记通知书 / 注销通知书) as PDF, in Chinese: who registered what under
 * which number, the documents it rests on with their SHA-256, and for a registration when the safety re-assessment
 * falls due.
 */
@Component(service = NoticeRenderer.class)
public class RegistrationNoticeComponent implements NoticeRenderer {

    private final ChineseFont font = new ChineseFont();

    // synchronized like the rendering: the font is not closed under a report being written
    @Deactivate
    synchronized void close() throws IOException {
        font.close();
    }

    // rendering is serialised: the parsed font is shared and PDFBox subsetting reads it
    @Override
    public synchronized byte[] render(RegistrationCase r, String registrarName) throws IOException {
        if (r.registrationNumber() == null || r.registeredAt() == null) {
            throw new IllegalArgumentException("application " + r.id() + " is not registered yet");
        }
        boolean registration = r.kind() == RegistrationKind.REGISTRATION;
        String title = registration ? "重大危险源登记通知书" : "重大危险源注销通知书";
        String registrar = registrarName == null || registrarName.isBlank() ? "登记机关" : registrarName;
        try (PdfLayout pdf = new PdfLayout(font.get(), title + " " + r.registrationNumber(), "HazardWatch 危险化学品重大危险源监测预警系统  "
                + title + " " + r.registrationNumber() + "  生成于 " + DisposalReportComponent.TIME.format(Instant.now()))) {
            pdf.title(title);
            pdf.paragraph("编号：" + r.registrationNumber());
            pdf.gap();
            pdf.paragraph(r.enterpriseName() + "：");
            pdf.paragraph(registration
                    ? "    你单位报送的重大危险源登记申请及相关材料收悉。经审核，该重大危险源已予登记，登记编号为 " + r.registrationNumber()
                            + "。请按照《危险化学品重大危险源监督管理暂行规定》落实重大危险源安全管理和监控责任，至少每三年进行一次安全评估，"
                            + "重大危险源出现重大变化时及时重新辨识、评估并申请变更登记。"
                    : "    你单位报送的重大危险源注销申请及相关材料收悉。经审核，该重大危险源已予注销登记，注销编号为 " + r.registrationNumber()
                            + "。注销原因：" + (r.reason() == null ? "未说明" : r.reason().label()) + "。");
            pdf.heading("一、重大危险源");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] { "企业名称", r.enterpriseName() });
            rows.add(new String[] { "统一社会信用代码", r.uscc() });
            rows.add(new String[] { "重大危险源", r.hazardSourceName() + "（" + r.hazardSourceCode() + "）" });
            rows.add(new String[] { "级别", r.grade() == null ? "未定级" : grade(r.grade()) });
            rows.add(new String[] { "行政区划", r.regionCode() + (r.parkCode() == null ? "" : "，化工园区 " + r.parkCode()) });
            pdf.table(rows);
            pdf.heading("二、登记情况");
            rows = new ArrayList<>();
            rows.add(new String[] { "申请类型", registration ? "登记" : "注销" });
            rows.add(new String[] { "申请时间", DisposalReportComponent.time(r.submittedAt()) });
            rows.add(new String[] { registration ? "登记编号" : "注销编号", r.registrationNumber() });
            rows.add(new String[] { "登记时间", DisposalReportComponent.time(r.registeredAt()) });
            rows.add(new String[] { "经办人", r.registeredBy() });
            if (registration && r.reassessmentDue() != null) {
                rows.add(new String[] { "下次安全评估期限", DisposalReportComponent.TIME.format(r.reassessmentDue()).substring(0, 10) });
            }
            if (r.statement() != null) {
                rows.add(new String[] { "申请说明", r.statement() });
            }
            pdf.table(rows);
            pdf.heading("三、申请材料");
            List<RegistrationDocument> documents = r.documents().stream().filter(d -> d.type() != DocumentType.NOTICE).toList();
            if (documents.isEmpty()) {
                pdf.paragraph("无");
            }
            for (RegistrationDocument d : documents) {
                pdf.paragraph(d.type().label() + "：" + d.fileName() + "（" + d.size() + " 字节，" + d.uploadedBy() + " 于 "
                        + DisposalReportComponent.time(d.uploadedAt()) + " 提交）\n    SHA-256 " + d.sha256());
            }
            pdf.gap();
            pdf.gap();
            pdf.paragraph("                                                            " + registrar);
            pdf.paragraph("                                                            "
                    + chineseDate(ZonedDateTime.ofInstant(r.registeredAt(), DisposalReportComponent.CHINA)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    static String chineseDate(ZonedDateTime at) {
        return at.getYear() + "年" + at.getMonthValue() + "月" + at.getDayOfMonth() + "日";
    }

    static String grade(int grade) {
        return switch (grade) {
            case 1 -> "一级";
            case 2 -> "二级";
            case 3 -> "三级";
            case 4 -> "四级";
            default -> grade + "级";
        };
    }

}
