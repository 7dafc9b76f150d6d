package org.hazardwatch.integration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hazardwatch.api.hazard.AccidentType;
import org.hazardwatch.api.hazard.Equipment;
import org.hazardwatch.api.hazard.EquipmentKind;
import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.HazardSourceStatus;
import org.hazardwatch.api.hazard.HazardUnit;
import org.hazardwatch.api.hazard.InventoryItem;
import org.hazardwatch.api.hazard.RegistryBatchWriter.SourceOfEnterprise;
import org.hazardwatch.api.hazard.UnitKind;
import org.hazardwatch.api.integration.LocalSystemIntake.RegistrationError;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.EnterpriseStatus;
import org.hazardwatch.api.registry.IndustryGroup;

/**
 * Turns the SOAP service's registration records into the registry's records. Only the words of the XML (enumerations)
 * are checked here, each naming its item and field; everything else the registry validates.
 */
final class RegistrationRecords {

    final List<Enterprise> enterprises = new ArrayList<>();
    final List<SourceOfEnterprise> sources = new ArrayList<>();
    final List<RegistrationError> errors = new ArrayList<>();

    RegistrationRecords(List<SoapTypes.EnterpriseRecord> enterpriseRecords, List<SoapTypes.HazardSourceRecord> sourceRecords) {
        List<SoapTypes.EnterpriseRecord> givenEnterprises = enterpriseRecords == null ? List.of() : enterpriseRecords;
        for (int i = 0; i < givenEnterprises.size(); i++) {
            SoapTypes.EnterpriseRecord e = givenEnterprises.get(i);
            if (e == null) {
                enterprises.add(null);
                continue;
            }
            Context at = new Context("enterprise", i);
            enterprises.add(new Enterprise(null, trim(e.uscc), trim(e.name), trim(e.regionCode), null, trim(e.parkCode), trim(e.industryCode),
                    at.word("industryGroup", e.industryGroup, IndustryGroup.class), trim(e.address), e.longitude, e.latitude,
                    trim(e.contactName), trim(e.contactPhone), at.word("status", e.status, EnterpriseStatus.class), null, null));
        }
        List<SoapTypes.HazardSourceRecord> givenSources = sourceRecords == null ? List.of() : sourceRecords;
        for (int i = 0; i < givenSources.size(); i++) {
            SoapTypes.HazardSourceRecord s = givenSources.get(i);
            if (s == null) {
                sources.add(null);
                continue;
            }
            Context at = new Context("hazardSource", i);
            List<AccidentType> accidentTypes = new ArrayList<>();
            for (int a = 0; a < s.accidentType.size(); a++) {
                AccidentType type = at.word("accidentType[" + a + "]", s.accidentType.get(a), AccidentType.class);
                if (type != null) {
                    accidentTypes.add(type);
                }
            }
            List<HazardUnit> units = new ArrayList<>();
            for (int u = 0; u < s.unit.size(); u++) {
                SoapTypes.UnitRecord unit = s.unit.get(u);
                if (unit == null) {
                    continue;
                }
                String path = "units[" + u + "]";
                List<Equipment> equipment = new ArrayList<>();
                for (int q = 0; q < unit.equipment.size(); q++) {
                    SoapTypes.EquipmentRecord item = unit.equipment.get(q);
                    equipment.add(new Equipment(trim(item.code), trim(item.name), at.word(path + ".equipment[" + q + "].kind", item.kind,
                            EquipmentKind.class), item.designCapacity));
                }
                List<InventoryItem> inventory = new ArrayList<>();
                for (SoapTypes.InventoryRecord item : unit.inventory) {
                    inventory.add(new InventoryItem(trim(item.equipmentCode), trim(item.substance), trim(item.cas), null, List.of(), item.tonnes));
                }
                units.add(new HazardUnit(trim(unit.code), trim(unit.name), at.word(path + ".kind", unit.kind, UnitKind.class), equipment,
                        inventory, null));
            }
            HazardSourceStatus status = at.word("status", s.status, HazardSourceStatus.class);
            sources.add(new SourceOfEnterprise(trim(s.enterprise), new HazardSource(null, null, null, null, trim(s.code), trim(s.name),
                    status == null ? HazardSourceStatus.ACTIVE : status, s.exposedPeople, accidentTypes.isEmpty() ? null : accidentTypes,
                    List.of(), s.potentialDeaths, null, false, null, units, null, null, !accidentTypes.isEmpty())));
        }
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Where in the request a word is read, so its error names the item and field. */
    private final class Context {
        private final String item;
        private final int index;

        Context(String item, int index) {
            this.item = item;
            this.index = index;
        }

        <E extends Enum<E>> E word(String field, String text, Class<E> type) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                List<String> allowed = new ArrayList<>();
                for (E constant : type.getEnumConstants()) {
                    allowed.add(constant.name());
                }
                errors.add(new RegistrationError(item, index, field, "INVALID", "'" + text + "' is not one of " + allowed));
                return null;
            }
        }
    }
}
