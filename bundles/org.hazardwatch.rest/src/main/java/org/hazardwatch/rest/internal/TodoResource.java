package org.hazardwatch.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.hazardwatch.api.danger.HiddenDanger;
import org.hazardwatch.api.danger.HiddenDangerService;
import org.hazardwatch.api.equipment.EquipmentService;
import org.hazardwatch.api.equipment.InspectedEquipment;
import org.hazardwatch.api.registration.RegistrationCase;
import org.hazardwatch.api.registration.RegistrationService;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.api.task.TaskService;

/**
 * What awaits the caller across the workflows (the header's bell, requirement 9.5): tasks to receive, report or
 * decide, applications to submit or register, hidden dangers to rectify or accept, equipment due for inspection.
 * Each part only for who holds its permission; overdue first, then by deadline.
 */
@Path("/todo")
@Produces(MediaType.APPLICATION_JSON)
@Requires({})
public class TodoResource extends ScopedResource {

    /**
     * @param kind task, registration, hidden-danger or equipment
     * @param link the web app's path to it
     */
    public record Entry(String kind, String id, String title, String status, List<String> actions, Instant deadline, boolean overdue,
            String link) {
    }

    public record Todo(int total, int overdue, List<Entry> items) {
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final TaskService tasks;
    private final RegistrationService registrations;
    private final HiddenDangerService dangers;
    private final EquipmentService equipment;

    public TodoResource(TaskService tasks, RegistrationService registrations, HiddenDangerService dangers, EquipmentService equipment,
            AccessControl access) {
        super(access);
        this.tasks = tasks;
        this.registrations = registrations;
        this.dangers = dangers;
        this.equipment = equipment;
    }

    @GET
    public Todo todo() {
        Caller caller = caller();
        List<Entry> items = new ArrayList<>();
        if (caller.has(Permission.TASK_VIEW)) {
            for (TaskService.TodoItem t : tasks.todo(caller)) {
                items.add(new Entry("task", t.taskId(), t.title() + " · " + (t.assigneeName() != null ? t.assigneeName() : t.assigneeOrg()), t.status().name(),
                        t.actions().stream().map(Enum::name).toList(), t.deadline(), t.overdue(), "/tasks/" + t.taskId()));
            }
        }
        if (caller.has(Permission.REGISTRATION_VIEW)) {
            for (RegistrationCase r : registrations.todo(caller)) {
                items.add(new Entry("registration", r.id(), nameOr(r.enterpriseName(), r.uscc()) + " " + nameOr(r.hazardSourceName(), "") + "（" + r.hazardSourceCode() + "）",
                        r.status().name(), r.actions().stream().map(Enum::name).toList(), null, false, "/registrations/" + r.id()));
            }
        }
        if (caller.has(Permission.DANGER_VIEW)) {
            for (HiddenDanger d : dangers.todo(caller)) {
                items.add(new Entry("hidden-danger", d.id(), nameOr(d.enterpriseName(), d.uscc()) + " " + d.location(), d.status().name(),
                        d.actions().stream().map(Enum::name).toList(), d.deadline(), d.overdue(), "/hidden-dangers/" + d.id()));
            }
        }
        if (caller.has(Permission.EQUIPMENT_EDIT)) {
            for (String state : List.of("OVERDUE", "OUT_OF_SERVICE", "DUE")) {
                for (InspectedEquipment e : equipment.list(caller, null, null, state, 200)) {
                    items.add(new Entry("equipment", Long.toString(e.id()), nameOr(e.enterpriseName(), e.uscc()) + " " + e.tag() + " " + e.name(), state, List.of(),
                            e.nextDue().atStartOfDay(CHINA).toInstant(), !e.nextDue().isAfter(LocalDate.now(CHINA)) && !state.equals("DUE"),
                            "/equipment/" + e.id()));
                }
            }
        }
        items.sort(Comparator.comparing((Entry e) -> !e.overdue()).thenComparing(e -> e.deadline() == null ? Instant.MAX : e.deadline()));
        return new Todo(items.size(), (int) items.stream().filter(Entry::overdue).count(), items);
    }

    private static String nameOr(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }
}
