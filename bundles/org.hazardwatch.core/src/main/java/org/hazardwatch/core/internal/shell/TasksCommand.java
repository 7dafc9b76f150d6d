package org.hazardwatch.core.internal.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.task.AssignmentStatus;
import org.hazardwatch.api.task.Task;
import org.hazardwatch.api.task.TaskAssignment;
import org.hazardwatch.api.task.TaskEvent;
import org.hazardwatch.api.task.TaskService;

@Command(scope = "hazardwatch", name = "tasks", description = "Tasks on this node (E4), newest first, with how their assignments stand; with "
        + "a task id, its assignments and timeline")
@Service
public class TasksCommand implements Action {

    @Option(name = "-n", description = "How many (default 20)")
    int count = 20;

    @Option(name = "--overdue", description = "Only tasks with an overdue assignment")
    boolean overdue;

    @Argument(index = 0, name = "id", required = false, description = "A task id: show its assignments and timeline")
    String id;

    @Reference
    TaskService tasks;

    @Override
    public Object execute() {
        Caller shell = Caller.system("shell");
        if (id != null) {
            Task task = tasks.get(shell, id).orElseThrow(() -> new IllegalArgumentException("No task " + id));
            System.out.println(task.title() + "  (" + task.issuerName() + " " + task.issuerOrg() + ", " + task.issuedAt()
                    + (task.deadline() == null ? "" : ", due " + task.deadline()) + (task.fromNode() == null ? "" : ", from node " + task.fromNode()) + ")");
            ShellTable assignments = new ShellTable();
            for (String column : new String[] {"Organisation", "Name", "Status", "Overdue", "Via node", "Reported", "Report / note"}) {
                assignments.column(column);
            }
            for (TaskAssignment a : task.assignments()) {
                assignments.addRow().addContent(a.assigneeOrg(), a.assigneeName(), a.status(), a.overdue() ? "yes" : "", a.viaNode() == null ? "" : a.viaNode(),
                        a.reportedAt() == null ? "" : a.reportedAt(), a.report() != null ? a.report() : a.note() == null ? "" : a.note());
            }
            assignments.print(System.out);
            ShellTable timeline = new ShellTable();
            for (String column : new String[] {"At", "Organisation", "Action", "From", "To", "By", "Note"}) {
                timeline.column(column);
            }
            for (TaskEvent e : tasks.history(shell, id)) {
                timeline.addRow().addContent(e.at(), e.assigneeOrg(), e.action() == null ? (e.from() == null ? "ISSUE" : "FILE") : e.action(), e.from() == null ? "" : e.from(), e.to(),
                        e.actor(), e.note() == null ? "" : e.note());
            }
            timeline.print(System.out);
            return null;
        }
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Issued", "Title", "Issuer", "From node", "Deadline", "Assignments", "Overdue", "Id"}) {
            table.column(column);
        }
        for (Task task : tasks.all(shell, Math.max(1, Math.min(1000, count)))) {
            long late = task.assignments().stream().filter(TaskAssignment::overdue).count();
            if (overdue && late == 0) {
                continue;
            }
            Map<AssignmentStatus, Long> byStatus = task.assignments().stream()
                    .collect(Collectors.groupingBy(TaskAssignment::status, () -> new EnumMap<>(AssignmentStatus.class), Collectors.counting()));
            table.addRow().addContent(task.issuedAt(), task.title(), task.issuerOrg(), task.fromNode() == null ? "" : task.fromNode(),
                    task.deadline() == null ? "" : task.deadline(), byStatus.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")), late == 0 ? "" : late, task.id());
        }
        table.print(System.out);
        return null;
    }
}
