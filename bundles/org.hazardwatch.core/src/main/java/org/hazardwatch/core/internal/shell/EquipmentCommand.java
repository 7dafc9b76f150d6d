package org.hazardwatch.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.equipment.EquipmentInspection;
import org.hazardwatch.api.equipment.EquipmentService;
import org.hazardwatch.api.equipment.InspectedEquipment;
import org.hazardwatch.api.security.Caller;

@Command(scope = "hazardwatch", name = "equipment", description = "Equipment under periodic inspection (E2), soonest due first, with its state "
        + "(OK, DUE, OVERDUE, OUT_OF_SERVICE); with an id, its inspections and certificates")
@Service
public class EquipmentCommand implements Action {

    @Option(name = "--state", description = "Only this state: OK, DUE, OVERDUE, OUT_OF_SERVICE, RETIRED")
    String state;

    @Option(name = "--enterprise", description = "Only this enterprise (USCC)")
    String uscc;

    @Argument(index = 0, name = "id", required = false, description = "An equipment id: show its inspections")
    Long id;

    @Reference
    EquipmentService equipment;

    @Override
    public Object execute() {
        Caller shell = Caller.system("shell");
        if (id != null) {
            InspectedEquipment e = equipment.get(shell, id).orElseThrow(() -> new IllegalArgumentException("No equipment " + id));
            System.out.println(e.tag() + " " + e.name() + " (" + e.kind() + ", every " + e.intervalMonths() + " months)  " + e.enterpriseName()
                    + "  next due " + e.nextDue() + "  " + e.state());
            ShellTable records = new ShellTable();
            for (String column : new String[] {"Inspected", "Agency", "Result", "Certificate", "Valid until", "File SHA-256", "Note"}) {
                records.column(column);
            }
            for (EquipmentInspection r : e.records()) {
                records.addRow().addContent(r.inspectedOn(), r.agency(), r.result(), r.certificateNumber() == null ? "" : r.certificateNumber(),
                        r.validUntil(), r.certificateSha256() == null ? "" : r.certificateSha256(), r.note() == null ? "" : r.note());
            }
            records.print(System.out);
            return null;
        }
        EquipmentService.Summary summary = equipment.summary(shell);
        System.out.println(summary.total() + " in the plan: " + summary.ok() + " OK, " + summary.due() + " due within 30 days, " + summary.overdue()
                + " overdue, " + summary.outOfService() + " out of service");
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Next due", "State", "Tag", "Name", "Kind", "Enterprise", "Id"}) {
            table.column(column);
        }
        for (InspectedEquipment e : equipment.list(shell, uscc, null, state, 1000)) {
            table.addRow().addContent(e.nextDue(), e.state(), e.tag(), e.name(), e.kind(), e.enterpriseName(), e.id());
        }
        table.print(System.out);
        return null;
    }
}
