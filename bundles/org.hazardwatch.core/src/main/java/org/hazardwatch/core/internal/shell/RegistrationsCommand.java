package org.hazardwatch.core.internal.shell;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.registration.RegistrationCase;
import org.hazardwatch.api.registration.RegistrationDocument;
import org.hazardwatch.api.registration.RegistrationEvent;
import org.hazardwatch.api.registration.RegistrationKind;
import org.hazardwatch.api.registration.RegistrationService;
import org.hazardwatch.api.registration.RegistrationStatistics;
import org.hazardwatch.api.registration.RegistrationStatus;
import org.hazardwatch.api.security.Caller;

@Command(scope = "hazardwatch", name = "registrations", description = "Registration and cancellation applications of major hazard "
        + "sources (F1-F3), newest change first; with an id, its documents (with SHA-256) and timeline; --due: re-assessments falling "
        + "due; --stats: counts by status, grade and region")
@Service
public class RegistrationsCommand implements Action {

    @Option(name = "-n", description = "How many (default 20)")
    int count = 20;

    @Option(name = "--status", description = "Only this status (DRAFT, SUBMITTED, RETURNED, ACCEPTED, REGISTERED, NOTIFIED, WITHDRAWN)")
    String status;

    @Option(name = "--due", description = "Registered sources whose safety re-assessment falls due within this many days (or is overdue)")
    Integer dueWithinDays;

    @Option(name = "--stats", description = "Statistics instead of the list")
    boolean statistics;

    @Argument(index = 0, name = "id", required = false, description = "An application id: show its documents and timeline")
    String id;

    @Reference
    RegistrationService registrations;

    @Override
    public Object execute() {
        Caller shell = Caller.system("shell");
        if (id != null) {
            show(shell);
        } else if (dueWithinDays != null) {
            ShellTable table = new ShellTable();
            for (String column : new String[] {"Due", "Overdue", "Registration no.", "Enterprise", "Hazard source", "Region"}) {
                table.column(column);
            }
            for (RegistrationService.DueReassessment d : registrations.dueReassessments(shell, dueWithinDays)) {
                table.addRow().addContent(d.due(), d.overdue() ? "yes" : "", d.registrationNumber(), d.enterpriseName(),
                        d.hazardSourceName() + " (" + d.hazardSourceCode() + ")", d.regionCode());
            }
            table.print(System.out);
        } else if (statistics) {
            RegistrationStatistics s = registrations.statistics(shell, null, null);
            for (Map.Entry<RegistrationKind, Map<RegistrationStatus, Long>> kind : s.byStatus().entrySet()) {
                System.out.println(kind.getKey() + ": " + kind.getValue().entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
            }
            System.out.println("Standing registrations by grade: " + s.registeredByGrade());
            ShellTable regions = new ShellTable();
            for (String column : new String[] {"Region", "Name", "Registered", "Cancelled", "Pending"}) {
                regions.column(column);
            }
            s.byRegion().forEach(r -> regions.addRow().addContent(r.regionCode(), r.regionName(), r.registered(), r.cancelled(), r.pending()));
            regions.print(System.out);
        } else {
            RegistrationStatus only = status == null ? null : RegistrationStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
            ShellTable table = new ShellTable();
            for (String column : new String[] {"Updated", "Kind", "Status", "Enterprise", "Hazard source", "Registration no.", "From node", "Id"}) {
                table.column(column);
            }
            for (RegistrationCase r : registrations.search(shell, new RegistrationService.Query(null, only, null, null, null, null, null), 0,
                    Math.max(1, Math.min(200, count))).items()) {
                table.addRow().addContent(r.updatedAt(), r.kind(), r.status(), r.enterpriseName(), r.hazardSourceName() + " (" + r.hazardSourceCode() + ")",
                        r.registrationNumber() == null ? "" : r.registrationNumber(), r.originNode() == null ? "" : r.originNode(), r.id());
            }
            table.print(System.out);
        }
        return null;
    }

    private void show(Caller shell) {
        RegistrationCase r = registrations.get(shell, id).orElseThrow(() -> new IllegalArgumentException("No application " + id));
        System.out.println(r.kind() + " " + r.status() + "  " + r.enterpriseName() + " (" + r.uscc() + ")  " + r.hazardSourceName() + " ("
                + r.hazardSourceCode() + ")" + (r.registrationNumber() == null ? "" : "  no. " + r.registrationNumber())
                + (r.reason() == null ? "" : "  reason " + r.reason()) + (r.returnReason() == null ? "" : "  returned: " + r.returnReason()));
        if (!r.missingDocuments().isEmpty()) {
            System.out.println("Missing documents: " + r.missingDocuments());
        }
        ShellTable documents = new ShellTable();
        for (String column : new String[] {"Id", "Type", "File", "Bytes", "SHA-256", "By", "At"}) {
            documents.column(column);
        }
        for (RegistrationDocument d : r.documents()) {
            documents.addRow().addContent(d.id(), d.type(), d.fileName(), d.size(), d.sha256(), d.uploadedBy(), d.uploadedAt());
        }
        documents.print(System.out);
        ShellTable timeline = new ShellTable();
        for (String column : new String[] {"At", "Action", "From", "To", "By", "Note"}) {
            timeline.column(column);
        }
        for (RegistrationEvent e : r.events()) {
            timeline.addRow().addContent(e.at(), e.action() == null ? "" : e.action(), e.from() == null ? "" : e.from(), e.to(), e.actor(),
                    e.note() == null ? "" : e.note());
        }
        timeline.print(System.out);
    }
}
