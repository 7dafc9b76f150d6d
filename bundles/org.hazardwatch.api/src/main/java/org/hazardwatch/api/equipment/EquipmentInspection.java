package org.hazardwatch.api.equipment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One inspection of a piece of equipment and its certificate (检验报告/检定证书).
 *
 * @param agency who inspected (检验机构), e.g. 青岛市特种设备检验研究院
 * @param validUntil the next due date the certificate gives
 * @param certificateSha256 hex SHA-256 of the certificate file, or null when none is attached yet
 */
public record EquipmentInspection(long id, LocalDate inspectedOn, String agency, InspectionResult result, String certificateNumber,
        LocalDate validUntil, String note, String certificateFileName, String certificateSha256, String recordedBy, Instant recordedAt) {
}
