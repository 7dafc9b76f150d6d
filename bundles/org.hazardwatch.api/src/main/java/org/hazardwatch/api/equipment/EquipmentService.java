package org.hazardwatch.api.equipment;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hazardwatch.api.security.Caller;

/**
 * Equipment inspection (E2). Visible to the enterprise itself and to the management of the chemical park it sits in
 * (and a nationwide administrator); county, city, province and national regulators do not see it.
 */
public interface EquipmentService {

    long MAX_CERTIFICATE_BYTES = 20L * 1024 * 1024;

    /** {@code intervalMonths} null: the kind's usual one; {@code firstDue} null: due now (never inspected here). */
    record EquipmentDraft(String uscc, String tag, String name, InspectedKind kind, String hazardSourceCode, String registrationCode,
            Integer intervalMonths, LocalDate firstDue) {
    }

    /** {@code validUntil} null: inspected on + the interval. */
    record InspectionDraft(LocalDate inspectedOn, String agency, InspectionResult result, String certificateNumber, LocalDate validUntil,
            String note) {
    }

    record Certificate(String fileName, String contentType, String sha256, byte[] content) {
    }

    /** Counts of the caller's equipment by state. */
    record Summary(long total, long ok, long due, long overdue, long outOfService) {
    }

    /**
     * The caller's equipment, soonest due first. {@code state} null: all but retired; else OK, DUE, OVERDUE,
     * OUT_OF_SERVICE or RETIRED.
     */
    List<InspectedEquipment> list(Caller caller, String uscc, InspectedKind kind, String state, int limit);

    Optional<InspectedEquipment> get(Caller caller, long id);

    InspectedEquipment register(Caller caller, EquipmentDraft draft);

    /** Takes it out of the inspection plan (scrapped, removed); kept with its records. */
    InspectedEquipment retire(Caller caller, long id, String reason);

    InspectedEquipment recordInspection(Caller caller, long id, InspectionDraft draft);

    EquipmentInspection attachCertificate(Caller caller, long id, long inspectionId, String fileName, String contentType, InputStream content);

    Optional<Certificate> certificate(Caller caller, long id, long inspectionId);

    Summary summary(Caller caller);
}
