package org.hazardwatch.api.equipment;

import java.time.LocalDate;
import java.util.List;

/**
 * A piece of equipment under periodic inspection, with its records.
 *
 * @param tag the enterprise's equipment number, unique within it (e.g. V-101, PSV-101A)
 * @param registrationCode 使用登记证编号 for registered special equipment, or null
 * @param intervalMonths the inspection interval
 * @param nextDue when it must next be inspected: the last record's valid-until, or the first due date given
 * @param state OK, DUE (within the reminder period), OVERDUE, OUT_OF_SERVICE (last inspection failed), RETIRED
 * @param records its inspections, newest first (only in a single read)
 */
public record InspectedEquipment(long id, String uscc, String enterpriseName, String parkCode, String tag, String name, InspectedKind kind,
        String hazardSourceCode, String registrationCode, int intervalMonths, LocalDate nextDue, boolean retired, String state,
        List<EquipmentInspection> records) {

    public InspectedEquipment {
        records = records == null ? List.of() : List.copyOf(records);
    }
}
