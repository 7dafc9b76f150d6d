package org.hazardwatch.reports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hazardwatch.api.registration.CancellationReason;
import org.hazardwatch.api.registration.DocumentType;
import org.hazardwatch.api.registration.RegistrationCase;
import org.hazardwatch.api.registration.RegistrationDocument;
import org.hazardwatch.api.registration.RegistrationKind;
import org.hazardwatch.api.registration.RegistrationStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registration and cancellation notices as PDF: the Chinese text comes back out of them. */
class RegistrationNoticeTest {

    static final Instant REGISTERED = Instant.parse("2026-11-30T02:00:00Z");
    final RegistrationNoticeComponent notices = new RegistrationNoticeComponent();

    @AfterEach
    void close() throws Exception {
        notices.close();
    }

    static RegistrationCase registered(RegistrationKind kind, CancellationReason reason, String number) {
        List<RegistrationDocument> documents = List.of(
                new RegistrationDocument(1, DocumentType.IDENTIFICATION_REPORT, "辨识与分级报告.pdf", "application/pdf", 12345,
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", REGISTERED.minusSeconds(86_400), "plant-safety"),
                new RegistrationDocument(2, DocumentType.SAFETY_EVALUATION, "安全评估报告.pdf", "application/pdf", 2048,
                        "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", REGISTERED.minusSeconds(86_000), "plant-safety"));
        return new RegistrationCase("c0ffee00-0000-4000-8000-000000000001", kind, RegistrationStatus.REGISTERED, 1L, "青岛海湾示范化工储运有限公司",
                "91370281MA3HW2026N", "370281", null, 7L, "HS-A", "液氨罐区", 2, reason, "新建液氨罐区", null, number,
                REGISTERED.minusSeconds(90_000), "plant-safety", REGISTERED.minusSeconds(80_000), REGISTERED, "county-lead", null,
                kind == RegistrationKind.REGISTRATION ? Instant.parse("2029-11-29T16:00:00Z") : null, REGISTERED, null, documents, List.of(),
                List.of(), List.of());
    }

    static String text(byte[] pdf) throws Exception {
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theRegistrationNoticeNamesTheSourceTheNumberTheDocumentsAndTheReassessment() throws Exception {
        byte[] pdf = notices.render(registered(RegistrationKind.REGISTRATION, null, "370281-2026-0001"), "胶州市应急管理局");
        java.nio.file.Files.write(java.nio.file.Path.of("target/registration-notice.pdf"), pdf);
        String text = text(pdf);
        for (String expected : new String[] { "重大危险源登记通知书", "370281-2026-0001", "青岛海湾示范化工储运有限公司", "91370281MA3HW2026N",
                "液氨罐区（HS-A）", "二级", "已予登记", "至少每三年进行一次安全评估", "2029-11-30", "重大危险源辨识与分级报告：辨识与分级报告.pdf",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "胶州市应急管理局", "2026年11月30日", "county-lead" }) {
            assertTrue(text.contains(expected), "the notice says '" + expected + "':\n" + text);
        }
    }

    @Test
    void theCancellationNoticeGivesTheReason() throws Exception {
        String text = text(notices.render(registered(RegistrationKind.CANCELLATION, CancellationReason.NO_LONGER_MAJOR, "370281-2026-Z0001"),
                "胶州市应急管理局"));
        for (String expected : new String[] { "重大危险源注销通知书", "注销编号", "370281-2026-Z0001", "已予注销登记", "经重新辨识不再构成重大危险源" }) {
            assertTrue(text.contains(expected), "the notice says '" + expected + "':\n" + text);
        }
        assertTrue(!text.contains("安全评估期限"), "no re-assessment for a cancelled source");
    }

    @Test
    void anUnregisteredApplicationHasNoNotice() {
        assertThrows(IllegalArgumentException.class, () -> notices.render(registered(RegistrationKind.REGISTRATION, null, null), "胶州市应急管理局"));
    }
}
