package org.hazardwatch.core.internal.task;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.hazardwatch.api.exchange.ExchangeLinks;
import org.hazardwatch.api.exchange.WorkInbox;
import org.hazardwatch.api.notify.Notifier;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Organisation;
import org.hazardwatch.api.security.OrganisationService;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.api.task.AssignmentStatus;
import org.hazardwatch.api.task.Task;
import org.hazardwatch.api.task.TaskAction;
import org.hazardwatch.api.task.TaskAssignment;
import org.hazardwatch.api.task.TaskAttachment;
import org.hazardwatch.api.task.TaskEvent;
import org.hazardwatch.api.task.TaskRole;
import org.hazardwatch.api.task.TaskService;
import org.hazardwatch.api.task.TaskWorkflow;
import org.hazardwatch.api.workflow.WorkflowException;
import org.hazardwatch.core.internal.db.Jdbc;
import org.hazardwatch.core.internal.files.UploadedFile;
import org.hazardwatch.core.internal.notify.Gateways;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tasks across the levels (E4) on this node's database, and their work messages through the exchange:
 * {@code task} down to a lower node, {@code task-update} (a report, or how the lower node's own subordinates stand)
 * back up, {@code task-decision} (accept, return, cancel) down again. Every transition, local or received, goes through
 * {@link TaskWorkflow#MACHINE}; a received one the machine refuses is a malformed message, a repeated one changes
 * nothing.
 */
public class JdbcTasks implements TaskService, WorkInbox {

    static final String TASK = "task";
    static final String UPDATE = "task-update";
    static final String DECISION = "task-decision";
    static final int MAX_TEXT = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An assignment still waiting for the assignee: these are overdue past the deadline. */
    private static final Set<AssignmentStatus> AWAITING_ASSIGNEE = EnumSet.of(AssignmentStatus.ISSUED, AssignmentStatus.RECEIVED,
            AssignmentStatus.RETURNED);

    private final Logger logger = LoggerFactory.getLogger(JdbcTasks.class);
    private final DataSource dataSource;
    private final OrganisationService organisations;
    private final RegistryService registry;
    private final AuditLog audit;
    private final Supplier<ExchangeLinks> exchange;
    private final Supplier<List<Notifier>> notifiers;
    private final Clock clock;

    public JdbcTasks(DataSource dataSource, OrganisationService organisations, RegistryService registry, AuditLog audit,
            Supplier<ExchangeLinks> exchange, Clock clock) {
        this(dataSource, organisations, registry, audit, exchange, List::of, clock);
    }

    public JdbcTasks(DataSource dataSource, OrganisationService organisations, RegistryService registry, AuditLog audit,
            Supplier<ExchangeLinks> exchange, Supplier<List<Notifier>> notifiers, Clock clock) {
        this.notifiers = notifiers;
        this.dataSource = dataSource;
        this.organisations = organisations;
        this.registry = registry;
        this.audit = audit;
        this.exchange = exchange;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ who is who

    /** The organisation a person acts for: their scope's code; the node's own for a nationwide scope. */
    String orgOf(Caller caller) {
        DataScope scope = caller.scope();
        if (scope.kind() != DataScope.Kind.ALL && scope.code() != null) {
            return scope.code();
        }
        ExchangeLinks links = exchange.get();
        String own = links == null ? null : links.organisationCode();
        return own != null ? own : "100000";
    }

    static String codeOf(Organisation o) {
        if (o.level() == OrgLevel.ENTERPRISE && o.enterpriseUscc() != null) {
            return o.enterpriseUscc();
        }
        if (o.parkCode() != null && !o.parkCode().isBlank()) {
            return o.parkCode();
        }
        return o.regionCode() != null ? o.regionCode() : "100000";
    }

    private Set<TaskRole> roles(Caller caller, Task task, TaskAssignment assignment) {
        Set<TaskRole> roles = EnumSet.noneOf(TaskRole.class);
        String org = orgOf(caller);
        if (caller.has(Permission.TASK_ISSUE) && task.fromNode() == null && org.equals(task.issuerOrg())) {
            roles.add(TaskRole.ISSUER);
        }
        if (caller.has(Permission.TASK_REPORT) && assignment.viaNode() == null && org.equals(assignment.assigneeOrg())) {
            roles.add(TaskRole.ASSIGNEE);
        }
        return roles;
    }

    @Override
    public List<Assignee> assignees(Caller caller) {
        Map<String, Assignee> found = new LinkedHashMap<>();
        if (caller.organisationId() != null) {
            for (Organisation o : organisations.list(Caller.system("tasks"))) {
                if (caller.organisationId().equals(o.parentId())) {
                    found.put(codeOf(o), new Assignee(codeOf(o), o.name(), false));
                }
            }
        }
        ExchangeLinks links = exchange.get();
        if (links != null) {
            for (String child : links.childNodes()) {
                if (caller.scope().kind() == DataScope.Kind.ALL || child.startsWith(caller.scope().code())
                        || (child.length() == 18 && registry.enterprises(null, child, 0, 1).items().stream()
                                .anyMatch(e -> e.regionCode() != null && e.regionCode().startsWith(caller.scope().code())))) {
                    found.put(child, new Assignee(child, nameOfNode(child), true));
                }
            }
        }
        found.remove(orgOf(caller));
        return new ArrayList<>(found.values());
    }

    private String nameOfNode(String code) {
        if (code.length() == 18) {
            return registry.enterprises(null, code, 0, 1).items().stream().filter(e -> e.uscc().equals(code)).map(e -> e.name()).findFirst()
                    .orElse(code);
        }
        return registry.region(code).map(r -> r.fullName() != null ? r.fullName() : r.name()).orElse(code);
    }

    // ------------------------------------------------------------------ issuing

    @Override
    public Task issue(Caller caller, TaskDraft draft) {
        return issue(caller, draft, null);
    }

    @Override
    public Task forward(Caller caller, String taskId, TaskDraft draft) {
        Task received = get(caller, taskId).orElseThrow(() -> new java.util.NoSuchElementException("no task " + taskId));
        String org = orgOf(caller);
        boolean assignedHere = received.assignments().stream().anyMatch(a -> a.assigneeOrg().equals(org) && a.viaNode() == null);
        if (!assignedHere) {
            throw new WorkflowException(WorkflowException.NOT_ALLOWED, "task " + taskId + " was not issued to " + org + ": only its receivers pass it on");
        }
        return issue(caller, draft, taskId);
    }

    private Task issue(Caller caller, TaskDraft draft, String parentId) {
        if (!caller.has(Permission.TASK_ISSUE)) {
            throw new SecurityException("issuing tasks needs the permission " + Permission.TASK_ISSUE.code());
        }
        List<FieldError> errors = new ArrayList<>();
        String title = draft == null || draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty()) {
            errors.add(new FieldError("title", "REQUIRED", "the task needs a title"));
        } else if (title.length() > 200) {
            errors.add(new FieldError("title", "TOO_LONG", "at most 200 characters"));
        }
        if (draft != null && draft.body() != null && draft.body().length() > MAX_TEXT) {
            errors.add(new FieldError("body", "TOO_LONG", "at most " + MAX_TEXT + " characters"));
        }
        Instant now = clock.instant();
        if (draft != null && draft.deadline() != null && !draft.deadline().isAfter(now)) {
            errors.add(new FieldError("deadline", "PAST", "the deadline must be in the future"));
        }
        List<String> wanted = draft == null || draft.assignees() == null ? List.of() : draft.assignees().stream().filter(a -> a != null)
                .map(String::strip).distinct().toList();
        if (wanted.isEmpty()) {
            errors.add(new FieldError("assignees", "REQUIRED", "choose at least one subordinate organisation"));
        } else if (wanted.size() > MAX_ASSIGNEES) {
            errors.add(new FieldError("assignees", "TOO_MANY", "at most " + MAX_ASSIGNEES));
        }
        Map<String, Assignee> open = new LinkedHashMap<>();
        assignees(caller).forEach(a -> open.put(a.code(), a));
        for (int i = 0; i < wanted.size(); i++) {
            if (!open.containsKey(wanted.get(i))) {
                errors.add(new FieldError("assignees[" + i + "]", "NOT_SUBORDINATE", wanted.get(i) + " is not an organisation below "
                        + orgOf(caller)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String id = UUID.randomUUID().toString();
        String org = orgOf(caller);
        List<TaskAssignment> assignments = new ArrayList<>();
        for (String code : wanted) {
            Assignee a = open.get(code);
            assignments.add(new TaskAssignment(id, code, a.name(), AssignmentStatus.ISSUED, a.node() ? code : null, null, null, null, null, now,
                    null, false, List.of()));
        }
        Task task = new Task(id, parentId, title, draft.body() == null ? null : draft.body().strip(), org, caller.organisationName(),
                caller.username(), now, draft.deadline(), null, assignments);
        write(task, caller.username());
        audit(caller, "task.issue", id, title + " → " + String.join(", ", wanted) + (parentId == null ? "" : " (passing on " + parentId + ")"));
        for (TaskAssignment a : assignments) {
            if (a.viaNode() != null) {
                sendDown(a.viaNode(), TASK, taskMessage(task, a), id + "|" + a.assigneeOrg() + "|issue");
            } else {
                notify("task.issued", a.assigneeOrg(), "新任务：" + title, task.issuerName() + " 下发" + deadlineText(task), id);
            }
        }
        if (parentId != null) {
            rollUp(parentId);
        }
        return get(caller, id).orElseThrow();
    }

    private ObjectNode taskMessage(Task task, TaskAssignment a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("taskId", task.id()).put("title", task.title()).put("body", task.body()).put("issuerOrg", task.issuerOrg())
                .put("issuerName", task.issuerName()).put("issuedBy", task.issuedBy()).put("issuedAt", task.issuedAt().toString())
                .put("deadline", task.deadline() == null ? null : task.deadline().toString()).put("assigneeOrg", a.assigneeOrg())
                .put("assigneeName", a.assigneeName());
        return o;
    }

    // ------------------------------------------------------------------ reading

    @Override
    public List<Task> inbox(Caller caller, int limit) {
        return tasks("SELECT DISTINCT t.* FROM task t JOIN task_assignment a ON a.task_id = t.id WHERE a.assignee_org = ? AND a.via_node IS NULL "
                + "ORDER BY t.issued_at DESC LIMIT ?", caller, orgOf(caller), Math.max(1, Math.min(500, limit)));
    }

    @Override
    public List<Task> outbox(Caller caller, int limit) {
        return tasks("SELECT * FROM task WHERE issuer_org = ? AND from_node IS NULL ORDER BY issued_at DESC LIMIT ?", caller, orgOf(caller),
                Math.max(1, Math.min(500, limit)));
    }

    @Override
    public List<Task> all(Caller caller, int limit) {
        if (caller.scope().kind() != DataScope.Kind.ALL) {
            return List.of();
        }
        return tasks("SELECT * FROM task ORDER BY issued_at DESC LIMIT ?", caller, Math.max(1, Math.min(1000, limit)));
    }

    @Override
    public Optional<Task> get(Caller caller, String taskId) {
        List<Task> found = tasks("SELECT * FROM task WHERE id = ?", caller, taskId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Task task = found.get(0);
        String org = orgOf(caller);
        boolean mine = org.equals(task.issuerOrg()) && task.fromNode() == null
                || task.assignments().stream().anyMatch(a -> a.assigneeOrg().equals(org) && a.viaNode() == null)
                || caller.scope().kind() == DataScope.Kind.ALL;
        return mine ? Optional.of(task) : Optional.empty();
    }

    @Override
    public List<Task> forwards(Caller caller, String taskId) {
        return get(caller, taskId).map(t -> tasks("SELECT * FROM task WHERE parent_id = ? ORDER BY issued_at", caller, taskId)).orElse(List.of());
    }

    @Override
    public List<TaskEvent> history(Caller caller, String taskId) {
        if (get(caller, taskId).isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT * FROM task_event WHERE task_id = ? ORDER BY id")) {
            s.setString(1, taskId);
            try (ResultSet rs = s.executeQuery()) {
                List<TaskEvent> events = new ArrayList<>();
                while (rs.next()) {
                    String action = rs.getString("action");
                    String from = rs.getString("from_status");
                    events.add(new TaskEvent(rs.getLong("id"), taskId, rs.getString("assignee_org"), action == null ? null : TaskAction.valueOf(action),
                            from == null ? null : AssignmentStatus.valueOf(from), AssignmentStatus.valueOf(rs.getString("to_status")),
                            rs.getString("actor"), rs.getString("note"), Jdbc.getInstant(rs, "event_at")));
                }
                return events;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading the timeline of task " + taskId, e);
        }
    }

    /** Tasks with their assignments, each with the actions open to {@code caller} (none for a null caller). */
    private List<Task> tasks(String sql, Caller caller, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, List.of(args));
            List<Task> bare = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    bare.add(new Task(rs.getString("id"), rs.getString("parent_id"), rs.getString("title"), rs.getString("body"),
                            rs.getString("issuer_org"), rs.getString("issuer_name"), rs.getString("issued_by"), Jdbc.getInstant(rs, "issued_at"),
                            Jdbc.getInstant(rs, "deadline"), rs.getString("from_node"), List.of()));
                }
            }
            if (bare.isEmpty()) {
                return bare;
            }
            // every task's assignments in one query (an inbox or a to-do list reads hundreds of tasks)
            Map<String, Task> byId = new LinkedHashMap<>();
            bare.forEach(t -> byId.put(t.id(), t));
            Map<String, List<TaskAssignment>> assignments = new LinkedHashMap<>();
            Instant now = clock.instant();
            try (PreparedStatement a = c.prepareStatement("SELECT * FROM task_assignment WHERE task_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(byId.size(), "?")) + ") ORDER BY task_id, assignee_org")) {
                Jdbc.bind(a, new ArrayList<>(byId.keySet()));
                try (ResultSet rs = a.executeQuery()) {
                    while (rs.next()) {
                        Task t = byId.get(rs.getString("task_id"));
                        AssignmentStatus status = AssignmentStatus.valueOf(rs.getString("status"));
                        TaskAssignment row = new TaskAssignment(t.id(), rs.getString("assignee_org"), rs.getString("assignee_name"), status,
                                rs.getString("via_node"), rs.getString("report"), rs.getString("reported_by"), Jdbc.getInstant(rs, "reported_at"),
                                rs.getString("note"), Jdbc.getInstant(rs, "updated_at"), rs.getString("progress"),
                                t.deadline() != null && now.isAfter(t.deadline()) && AWAITING_ASSIGNEE.contains(status), List.of());
                        if (caller != null) {
                            row = withActions(row, TaskWorkflow.MACHINE.actions(status, roles(caller, t, row)));
                        }
                        assignments.computeIfAbsent(t.id(), id -> new ArrayList<>()).add(row);
                    }
                }
            }
            List<Task> tasks = new ArrayList<>();
            for (Task t : bare) {
                tasks.add(new Task(t.id(), t.parentId(), t.title(), t.body(), t.issuerOrg(), t.issuerName(), t.issuedBy(), t.issuedAt(),
                        t.deadline(), t.fromNode(), assignments.getOrDefault(t.id(), List.of())));
            }
            return tasks;
        } catch (SQLException e) {
            throw Jdbc.failure("reading tasks", e);
        }
    }

    private static TaskAssignment withActions(TaskAssignment a, List<TaskAction> actions) {
        return new TaskAssignment(a.taskId(), a.assigneeOrg(), a.assigneeName(), a.status(), a.viaNode(), a.report(), a.reportedBy(),
                a.reportedAt(), a.note(), a.updatedAt(), a.progress(), a.overdue(), actions);
    }

    private Optional<Task> task(String taskId) {
        List<Task> found = tasks("SELECT * FROM task WHERE id = ?", null, taskId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    // ------------------------------------------------------------------ acting

    @Override
    public Task act(Caller caller, String taskId, String assigneeOrg, TaskAction action, String text) {
        Task task = get(caller, taskId).orElseThrow(() -> new java.util.NoSuchElementException("no task " + taskId));
        TaskAssignment assignment = task.assignments().stream().filter(a -> a.assigneeOrg().equals(assigneeOrg)).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("task " + taskId + " was not issued to " + assigneeOrg));
        String why = text == null ? null : text.strip();
        if (action == TaskAction.REPORT && (why == null || why.isEmpty())) {
            throw new ValidationException(List.of(new FieldError("text", "REQUIRED", "the report needs its text")));
        }
        if ((action == TaskAction.RETURN || action == TaskAction.CANCEL) && (why == null || why.isEmpty())) {
            throw new ValidationException(List.of(new FieldError("text", "REQUIRED", "say why")));
        }
        if (why != null && why.length() > MAX_TEXT) {
            throw new ValidationException(List.of(new FieldError("text", "TOO_LONG", "at most " + MAX_TEXT + " characters")));
        }
        AssignmentStatus next = TaskWorkflow.MACHINE.next(assignment.status(), action, roles(caller, task, assignment));
        Instant now = clock.instant();
        long event = transition(task.id(), assignee(assignment), action, assignment.status(), next, caller.username(), why, now, null);
        audit(caller, "task." + action.name().toLowerCase(java.util.Locale.ROOT), taskId, assigneeOrg + ": " + assignment.status() + " → " + next
                + (why == null ? "" : " (" + abbreviate(why) + ")"));
        if (task.fromNode() != null && assignment.viaNode() == null && (action == TaskAction.RECEIVE || action == TaskAction.REPORT)) {
            ObjectNode update = JSON.createObjectNode();
            update.put("taskId", taskId).put("assigneeOrg", assigneeOrg).put("action", action.name()).put("status", next.name())
                    .put("text", why).put("actor", caller.username()).put("at", now.toString());
            update.set("progress", progressOf(taskId, assigneeOrg));
            if (action == TaskAction.REPORT) {
                update.set("attachments", attachmentsMessage(taskId, assigneeOrg));
            }
            sendUp(UPDATE, update, taskId + "|" + assigneeOrg + "|" + event);
        }
        if (assignment.viaNode() != null) {
            ObjectNode decision = JSON.createObjectNode();
            decision.put("taskId", taskId).put("assigneeOrg", assigneeOrg).put("action", action.name()).put("status", next.name())
                    .put("text", why).put("actor", caller.username()).put("at", now.toString());
            sendDown(assignment.viaNode(), DECISION, decision, taskId + "|" + assigneeOrg + "|" + event);
        }
        if (action == TaskAction.REPORT && task.fromNode() == null) {
            notify("task.reported", task.issuerOrg(), "任务已上报：" + task.title(), assignment.assigneeName() + "：" + abbreviate(why), taskId);
        } else if (action != TaskAction.RECEIVE && action != TaskAction.REPORT && assignment.viaNode() == null) {
            notify("task." + action.name().toLowerCase(java.util.Locale.ROOT), assigneeOrg, decisionTitle(action, task.title()), why, taskId);
        }
        if (task.parentId() != null) {
            rollUp(task.parentId());
        }
        return get(caller, taskId).orElseThrow();
    }

    private static String decisionTitle(TaskAction action, String title) {
        return switch (action) {
            case ACCEPT -> "任务上报已通过：";
            case RETURN -> "任务上报被退回：";
            case CANCEL -> "任务已撤销：";
            default -> "任务：";
        } + title;
    }

    private static String deadlineText(Task task) {
        return task.deadline() == null ? "" : "，截止 " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.of("Asia/Shanghai")).format(task.deadline());
    }

    private void notify(String kind, String organisation, String title, String text, String taskId) {
        Gateways.send(notifiers.get(), kind, organisation, title, text, "/tasks/" + taskId, clock.instant());
    }

    // ------------------------------------------------------------------ report attachments

    @Override
    public TaskAttachment attach(Caller caller, String taskId, String assigneeOrg, String fileName, String contentType, java.io.InputStream content) {
        Task task = get(caller, taskId).orElseThrow(() -> new java.util.NoSuchElementException("no task " + taskId));
        TaskAssignment assignment = task.assignments().stream().filter(a -> a.assigneeOrg().equals(assigneeOrg)).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("task " + taskId + " was not issued to " + assigneeOrg));
        if (!roles(caller, task, assignment).contains(TaskRole.ASSIGNEE)) {
            throw new SecurityException("only the assignee adds files to its report");
        }
        if (!AWAITING_ASSIGNEE.contains(assignment.status())) {
            throw new IllegalStateException("the assignment of " + assigneeOrg + " is " + assignment.status() + ": files go with a report still to come");
        }
        UploadedFile file = UploadedFile.read(fileName, contentType, content, MAX_ATTACHMENT_BYTES);
        Instant now = clock.instant();
        long id;
        try (Connection c = dataSource.getConnection()) {
            id = Jdbc.inTransaction(c, () -> {
                long newId = insertAttachment(c, taskId, assigneeOrg, file.fileName(), file.contentType(), file.content(), file.sha256(), now,
                        caller.username());
                event(c, taskId, assigneeOrg, null, assignment.status(), assignment.status(), caller.username(), "附件：" + file.fileName()
                        + "（SHA-256 " + file.sha256().substring(0, 16) + "…）", now);
                return newId;
            });
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new IllegalStateException(file.fileName() + " is attached already");
            }
            throw Jdbc.failure("attaching a file to task " + taskId, e);
        }
        audit(caller, "task.attach", taskId, assigneeOrg + ": " + file.fileName() + " sha256=" + file.sha256());
        return new TaskAttachment(id, taskId, assigneeOrg, file.fileName(), file.contentType(), file.content().length, file.sha256(), now,
                caller.username());
    }

    private static long insertAttachment(Connection c, String taskId, String assigneeOrg, String fileName, String contentType, byte[] content,
            String sha256, Instant at, String by) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO task_attachment (task_id, assignee_org, file_name, content_type, size_bytes, "
                + "sha256, content, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.bind(s, java.util.Arrays.asList(taskId, assigneeOrg, fileName, contentType, (long) content.length, sha256, content, at,
                    abbreviate(by, 200)));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @Override
    public List<TaskAttachment> attachments(Caller caller, String taskId) {
        if (get(caller, taskId).isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT id, assignee_org, file_name, content_type, "
                + "size_bytes, sha256, uploaded_at, uploaded_by FROM task_attachment WHERE task_id = ? ORDER BY id")) {
            s.setString(1, taskId);
            List<TaskAttachment> list = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(new TaskAttachment(rs.getLong("id"), taskId, rs.getString("assignee_org"), rs.getString("file_name"),
                            rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), Jdbc.getInstant(rs, "uploaded_at"),
                            rs.getString("uploaded_by")));
                }
            }
            return list;
        } catch (SQLException e) {
            throw Jdbc.failure("reading the files of task " + taskId, e);
        }
    }

    @Override
    public Optional<AttachmentContent> attachment(Caller caller, String taskId, long attachmentId) {
        Optional<TaskAttachment> meta = attachments(caller, taskId).stream().filter(a -> a.id() == attachmentId).findFirst();
        if (meta.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT content FROM task_attachment WHERE task_id = ? AND id = ?")) {
            s.setString(1, taskId);
            s.setLong(2, attachmentId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new AttachmentContent(meta.get(), rs.getBytes(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading file " + attachmentId + " of task " + taskId, e);
        }
    }

    /** The assignment's files for the report's message, content in Base64. */
    private ArrayNode attachmentsMessage(String taskId, String assigneeOrg) {
        ArrayNode files = JSON.createArrayNode();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT file_name, content_type, sha256, content, "
                + "uploaded_at, uploaded_by FROM task_attachment WHERE task_id = ? AND assignee_org = ? ORDER BY id")) {
            s.setString(1, taskId);
            s.setString(2, assigneeOrg);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    files.addObject().put("fileName", rs.getString(1)).put("contentType", rs.getString(2)).put("sha256", rs.getString(3))
                            .put("content", java.util.Base64.getEncoder().encodeToString(rs.getBytes(4)))
                            .put("uploadedAt", Jdbc.getInstant(rs, "uploaded_at").toString()).put("uploadedBy", rs.getString(6));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading the files of task " + taskId, e);
        }
        return files;
    }

    /**
     * Keeps the files a report brought up, each in the timeline as at the assignee's node; each is checked against its
     * SHA-256, one kept already is skipped.
     */
    private void keepReceivedAttachments(String taskId, String assigneeOrg, AssignmentStatus status, String fromNode, JsonNode files)
            throws IOException {
        if (!files.isArray()) {
            throw new IOException("'attachments' is not a list");
        }
        try (Connection c = dataSource.getConnection()) {
            for (JsonNode f : files) {
                byte[] content;
                try {
                    content = java.util.Base64.getDecoder().decode(text(f, "content"));
                } catch (IllegalArgumentException e) {
                    throw new IOException("an attachment's content is not Base64", e);
                }
                String sha256 = text(f, "sha256");
                if (!UploadedFile.sha256(content).equals(sha256)) {
                    throw new IOException("attachment " + f.path("fileName").asText() + " does not match its SHA-256");
                }
                try (PreparedStatement kept = c.prepareStatement("SELECT 1 FROM task_attachment WHERE task_id = ? AND assignee_org = ? AND sha256 = ? "
                        + "AND file_name = ?")) {
                    Jdbc.bind(kept, List.of(taskId, assigneeOrg, sha256, text(f, "fileName")));
                    try (ResultSet rs = kept.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                String name = abbreviate(text(f, "fileName"), 255);
                Instant at = Instant.parse(text(f, "uploadedAt"));
                String by = fromNode + "/" + f.path("uploadedBy").asText("?");
                String type = abbreviate(text(f, "contentType"), 100);
                Jdbc.inTransaction(c, () -> {
                    insertAttachment(c, taskId, assigneeOrg, name, type, content, sha256, at, by);
                    return event(c, taskId, assigneeOrg, null, status, status, by, "附件：" + name + "（SHA-256 " + sha256.substring(0, 16) + "…）", at);
                });
            }
        } catch (SQLException e) {
            throw Jdbc.failure("keeping the files of task " + taskId, e);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IOException("an attachment's uploadedAt is not an instant", e);
        }
    }

    // ------------------------------------------------------------------ to-do and reminders

    @Override
    public List<TodoItem> todo(Caller caller) {
        List<TodoItem> items = new ArrayList<>();
        List<Task> candidates = new ArrayList<>(inbox(caller, 500));
        candidates.addAll(outbox(caller, 500));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Task t : candidates) {
            for (TaskAssignment a : t.assignments()) {
                if (!a.actions().isEmpty() && seen.add(t.id() + "|" + a.assigneeOrg())
                        && !(a.actions().equals(List.of(TaskAction.CANCEL)))) {
                    items.add(new TodoItem(t.id(), t.title(), t.issuerName(), a.assigneeOrg(), a.assigneeName(), a.status(), a.actions(),
                            t.deadline(), a.overdue()));
                }
            }
        }
        items.sort(java.util.Comparator.comparing((TodoItem i) -> !i.overdue())
                .thenComparing(i -> i.deadline() == null ? Instant.MAX : i.deadline()));
        return items;
    }

    /**
     * Reminds the assignees on this node of deadlines within {@code ahead}, and tells assignee and issuer once an
     * assignment is overdue; each once. Answers how many notifications went out.
     */
    public int remind(java.time.Duration ahead) {
        Instant now = clock.instant();
        int sent = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT t.id, t.title, t.deadline, t.issuer_org, t.from_node, a.assignee_org, a.assignee_name, "
                        + "a.via_node, a.due_reminded_at, a.overdue_reminded_at FROM task t JOIN task_assignment a ON a.task_id = t.id "
                        + "WHERE t.deadline IS NOT NULL AND t.deadline <= ? AND a.status IN ('ISSUED', 'RECEIVED', 'RETURNED') "
                        + "AND (a.overdue_reminded_at IS NULL OR (a.due_reminded_at IS NULL AND a.via_node IS NULL))")) {
            Jdbc.setInstant(s, 1, now.plus(ahead));
            List<Reminder> reminders = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    boolean overdue = now.isAfter(Jdbc.getInstant(rs, "deadline"));
                    boolean assigneeHere = rs.getString("via_node") == null;
                    if (overdue ? Jdbc.getInstant(rs, "overdue_reminded_at") == null
                            : assigneeHere && Jdbc.getInstant(rs, "due_reminded_at") == null) {
                        reminders.add(new Reminder(overdue, rs.getString("id"), rs.getString("title"), rs.getString("assignee_org"),
                                rs.getString("assignee_name"), assigneeHere, rs.getString("issuer_org"), rs.getString("from_node") == null));
                    }
                }
            }
            for (Reminder r : reminders) {
                String column = r.overdue() ? "overdue_reminded_at" : "due_reminded_at";
                try (PreparedStatement mark = c.prepareStatement("UPDATE task_assignment SET " + column + " = ? WHERE task_id = ? AND assignee_org = ? "
                        + "AND " + column + " IS NULL")) {
                    Jdbc.setInstant(mark, 1, now);
                    mark.setString(2, r.taskId());
                    mark.setString(3, r.assigneeOrg());
                    if (mark.executeUpdate() != 1) {
                        continue; // the other node of a failover pair reminded
                    }
                }
                if (!r.overdue()) {
                    notify("task.due", r.assigneeOrg(), "任务即将到期：" + r.title(), null, r.taskId());
                    sent++;
                    continue;
                }
                if (r.assigneeHere()) {
                    notify("task.overdue", r.assigneeOrg(), "任务已逾期：" + r.title(), null, r.taskId());
                    sent++;
                }
                if (r.issuerHere()) {
                    notify("task.overdue", r.issuerOrg(), "下级逾期未报：" + r.title(), r.assigneeName() + " 未按期上报", r.taskId());
                    sent++;
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reminding of task deadlines", e);
        }
        return sent;
    }

    /** A deadline to remind of: who works on this node (the assignee, the issuer) is told here. */
    private record Reminder(boolean overdue, String taskId, String title, String assigneeOrg, String assigneeName, boolean assigneeHere,
            String issuerOrg, boolean issuerHere) {
    }

    private record Target(String taskId, String assigneeOrg) {
    }

    private static Target assignee(TaskAssignment a) {
        return new Target(a.taskId(), a.assigneeOrg());
    }

    /** Moves an assignment and writes the timeline, in one transaction; answers the event's id. */
    private long transition(String taskId, Target target, TaskAction action, AssignmentStatus from, AssignmentStatus to, String actor,
            String text, Instant at, JsonNode progress) {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.inTransaction(c, () -> {
                String sql = switch (action == null ? TaskAction.RECEIVE : action) {
                    case REPORT -> "UPDATE task_assignment SET status = ?, updated_at = ?, report = ?, reported_by = ?, reported_at = ? "
                            + "WHERE task_id = ? AND assignee_org = ? AND status = ?";
                    default -> "UPDATE task_assignment SET status = ?, updated_at = ?, note = ? WHERE task_id = ? AND assignee_org = ? AND status = ?";
                };
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    int i = 1;
                    s.setString(i++, to.name());
                    Jdbc.setInstant(s, i++, at);
                    s.setString(i++, action == TaskAction.REPORT ? text : text == null ? null : abbreviate(text, 1000));
                    if (action == TaskAction.REPORT) {
                        s.setString(i++, actor);
                        Jdbc.setInstant(s, i++, at);
                    }
                    s.setString(i++, target.taskId());
                    s.setString(i++, target.assigneeOrg());
                    s.setString(i, from.name());
                    if (s.executeUpdate() != 1) {
                        // someone else moved it meanwhile (another node of a failover pair, a message)
                        throw new SQLException("the assignment of " + target.assigneeOrg() + " is no longer " + from, "40001");
                    }
                }
                if (progress != null) {
                    setProgress(c, target, progress);
                }
                return event(c, taskId, target.assigneeOrg(), action, from, to, actor, text, at);
            });
        } catch (SQLException e) {
            if ("40001".equals(e.getSQLState())) {
                throw new WorkflowException(WorkflowException.INVALID_TRANSITION, e.getMessage() + ": reload and try again");
            }
            throw Jdbc.failure("moving task " + taskId, e);
        }
    }

    private static long event(Connection c, String taskId, String assigneeOrg, TaskAction action, AssignmentStatus from, AssignmentStatus to,
            String actor, String note, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO task_event (task_id, assignee_org, action, from_status, to_status, actor, note, "
                + "event_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, taskId);
            s.setString(2, assigneeOrg);
            s.setString(3, action == null ? null : action.name());
            s.setString(4, from == null ? null : from.name());
            s.setString(5, to.name());
            s.setString(6, abbreviate(actor, 200));
            s.setString(7, note);
            Jdbc.setInstant(s, 8, at);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void setProgress(Connection c, Target target, JsonNode progress) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE task_assignment SET progress = ? WHERE task_id = ? AND assignee_org = ?")) {
            s.setString(1, progress.isNull() ? null : progress.toString());
            s.setString(2, target.taskId());
            s.setString(3, target.assigneeOrg());
            s.executeUpdate();
        }
    }

    private void write(Task task, String actor) {
        try (Connection c = dataSource.getConnection()) {
            Jdbc.inTransaction(c, () -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO task (id, parent_id, title, body, issuer_org, issuer_name, issued_by, "
                        + "issued_at, deadline, from_node) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, task.id());
                    s.setString(2, task.parentId());
                    s.setString(3, task.title());
                    s.setString(4, task.body());
                    s.setString(5, task.issuerOrg());
                    s.setString(6, task.issuerName());
                    s.setString(7, abbreviate(task.issuedBy(), 100));
                    Jdbc.setInstant(s, 8, task.issuedAt());
                    Jdbc.setInstant(s, 9, task.deadline());
                    s.setString(10, task.fromNode());
                    s.executeUpdate();
                }
                for (TaskAssignment a : task.assignments()) {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO task_assignment (task_id, assignee_org, assignee_name, status, via_node, "
                            + "updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                        s.setString(1, task.id());
                        s.setString(2, a.assigneeOrg());
                        s.setString(3, abbreviate(a.assigneeName(), 200));
                        s.setString(4, a.status().name());
                        s.setString(5, a.viaNode());
                        Jdbc.setInstant(s, 6, task.issuedAt());
                        s.executeUpdate();
                    }
                    event(c, task.id(), a.assigneeOrg(), null, null, AssignmentStatus.ISSUED, actor, null, task.issuedAt());
                }
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.failure("writing task " + task.id(), e);
        }
    }

    // ------------------------------------------------------------------ progress

    /** How the subordinates stand with the tasks that pass {@code taskId} on, for the assignee's report above. */
    private ArrayNode progressOf(String taskId, String assigneeOrg) {
        ArrayNode rows = JSON.createArrayNode();
        for (Task forward : tasks("SELECT * FROM task WHERE parent_id = ? AND issuer_org = ? ORDER BY issued_at", null, taskId, assigneeOrg)) {
            for (TaskAssignment a : forward.assignments()) {
                ObjectNode row = rows.addObject();
                row.put("org", a.assigneeOrg()).put("name", a.assigneeName()).put("status", a.status().name())
                        .put("reportedAt", a.reportedAt() == null ? null : a.reportedAt().toString()).put("overdue", a.overdue());
                if (a.progress() != null) {
                    try {
                        row.set("progress", JSON.readTree(a.progress()));
                    } catch (IOException e) {
                        // a progress this node wrote itself; unreadable means nothing to add
                    }
                }
            }
        }
        return rows;
    }

    /**
     * After a change in a task passed on from {@code parentId}: this node's progress on the parent task is kept with
     * its assignment, and sent to the upper node that issued it.
     */
    private void rollUp(String parentId) {
        Optional<Task> parent = task(parentId);
        if (parent.isEmpty()) {
            return;
        }
        for (TaskAssignment own : parent.get().assignments()) {
            if (own.viaNode() != null) {
                continue;
            }
            ArrayNode progress = progressOf(parentId, own.assigneeOrg());
            try (Connection c = dataSource.getConnection()) {
                setProgress(c, new Target(parentId, own.assigneeOrg()), progress);
            } catch (SQLException e) {
                throw Jdbc.failure("keeping the progress of task " + parentId, e);
            }
            if (parent.get().fromNode() != null) {
                ObjectNode update = JSON.createObjectNode();
                update.put("taskId", parentId).put("assigneeOrg", own.assigneeOrg()).putNull("action").put("status", own.status().name())
                        .put("at", clock.instant().toString());
                update.set("progress", progress);
                sendUp(UPDATE, update, parentId + "|" + own.assigneeOrg() + "|progress|" + UUID.nameUUIDFromBytes(progress.toString().getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
    }

    // ------------------------------------------------------------------ exchange

    private void sendDown(String node, String kind, ObjectNode body, String messageId) {
        ExchangeLinks links = exchange.get();
        if (links == null) {
            throw new ValidationException(List.of(new FieldError("assignees", "UNREACHABLE", node
                    + " works on a lower node, and the exchange is not running here")));
        }
        links.sendWorkDown(node, kind, body.toString(), messageId);
    }

    private void sendUp(String kind, ObjectNode body, String messageId) {
        ExchangeLinks links = exchange.get();
        if (links == null || links.parentNode() == null) {
            logger.warn("Task {} update not sent up: this node has no parent link", body.path("taskId").asText());
            return;
        }
        links.sendWorkUp(kind, body.toString(), messageId);
    }

    @Override
    public Set<String> kinds() {
        return Set.of(TASK, UPDATE, DECISION);
    }

    @Override
    public void receive(String fromNode, boolean fromParent, String kind, String json) throws IOException {
        JsonNode m = JSON.readTree(json);
        String taskId = text(m, "taskId");
        String assigneeOrg = text(m, "assigneeOrg");
        switch (kind) {
            case TASK -> {
                if (!fromParent) {
                    throw new IOException("tasks come from the upper node only");
                }
                if (task(taskId).isPresent()) {
                    return; // delivered before
                }
                Instant issuedAt = Instant.parse(text(m, "issuedAt"));
                Instant deadline = m.hasNonNull("deadline") ? Instant.parse(m.get("deadline").asText()) : null;
                TaskAssignment own = new TaskAssignment(taskId, assigneeOrg, m.path("assigneeName").asText(assigneeOrg), AssignmentStatus.ISSUED,
                        null, null, null, null, null, issuedAt, null, false, List.of());
                write(new Task(taskId, null, abbreviate(text(m, "title"), 200), m.path("body").asText(null), text(m, "issuerOrg"),
                        m.path("issuerName").asText(null), fromNode + "/" + m.path("issuedBy").asText("?"), issuedAt, deadline, fromNode,
                        List.of(own)), fromNode + "/" + m.path("issuedBy").asText("?"));
                audit.append(new AuditEntry.Draft(fromNode + "/" + m.path("issuedBy").asText("?"), "node " + fromNode, assigneeOrg, "exchange",
                        "task.received", "task", taskId, "OK", null, null, abbreviate(text(m, "title"))));
                logger.info("Task {} from {} for {}: {}", taskId, fromNode, assigneeOrg, m.path("title").asText());
                notify("task.issued", assigneeOrg, "新任务：" + abbreviate(text(m, "title"), 200), m.path("issuerName").asText("上级") + " 下发", taskId);
            }
            case UPDATE -> {
                if (fromParent) {
                    throw new IOException("task updates come from lower nodes only");
                }
                Task task = task(taskId).orElseThrow(() -> new IOException("no task " + taskId + " here"));
                TaskAssignment a = task.assignments().stream().filter(x -> x.assigneeOrg().equals(assigneeOrg) && fromNode.equals(x.viaNode()))
                        .findFirst().orElseThrow(() -> new IOException("task " + taskId + " was not sent to " + assigneeOrg + " through " + fromNode));
                applyReceived(task, a, m, TaskRole.ASSIGNEE, fromNode);
            }
            case DECISION -> {
                if (!fromParent) {
                    throw new IOException("decisions on task reports come from the upper node only");
                }
                Task task = task(taskId).orElseThrow(() -> new IOException("no task " + taskId + " here"));
                if (!fromNode.equals(task.fromNode())) {
                    throw new IOException("task " + taskId + " did not come from " + fromNode);
                }
                TaskAssignment a = task.assignments().stream().filter(x -> x.assigneeOrg().equals(assigneeOrg) && x.viaNode() == null).findFirst()
                        .orElseThrow(() -> new IOException("task " + taskId + " has no assignment of " + assigneeOrg + " here"));
                applyReceived(task, a, m, TaskRole.ISSUER, fromNode);
            }
            default -> throw new IOException("unknown kind " + kind);
        }
    }

    /** A transition the other side made: checked by the same machine; one already applied changes nothing. */
    private void applyReceived(Task task, TaskAssignment a, JsonNode m, TaskRole role, String fromNode) throws IOException {
        Target target = assignee(a);
        String actor = fromNode + "/" + m.path("actor").asText("?");
        Instant at = m.hasNonNull("at") ? Instant.parse(m.get("at").asText()) : clock.instant();
        JsonNode progress = m.get("progress");
        if (!m.hasNonNull("action")) {
            // progress only: how the lower node's own subordinates stand
            try (Connection c = dataSource.getConnection()) {
                setProgress(c, target, progress == null ? JSON.nullNode() : progress);
            } catch (SQLException e) {
                throw Jdbc.failure("keeping the progress of task " + task.id(), e);
            }
        } else {
            TaskAction action;
            AssignmentStatus reported;
            try {
                action = TaskAction.valueOf(m.get("action").asText());
                reported = AssignmentStatus.valueOf(text(m, "status"));
            } catch (IllegalArgumentException e) {
                throw new IOException("unknown action or status: " + e.getMessage(), e);
            }
            if (a.status() == reported && !(action == TaskAction.REPORT && a.status() == AssignmentStatus.REPORTED
                    && !java.util.Objects.equals(a.report(), m.path("text").asText(null)))) {
                return; // delivered before
            }
            AssignmentStatus next;
            try {
                next = TaskWorkflow.MACHINE.next(a.status(), action, EnumSet.of(role));
            } catch (WorkflowException e) {
                throw new IOException("task " + task.id() + " of " + a.assigneeOrg() + ": " + e.getMessage(), e);
            }
            if (action == TaskAction.REPORT && m.has("attachments")) {
                keepReceivedAttachments(task.id(), a.assigneeOrg(), a.status(), fromNode, m.get("attachments"));
            }
            transition(task.id(), target, action, a.status(), next, actor, m.path("text").asText(null), at, progress);
            if (role == TaskRole.ASSIGNEE) {
                logger.info("Task {}: {} {} ({})", task.id(), a.assigneeOrg(), next, actor);
                if (action == TaskAction.REPORT) {
                    notify("task.reported", task.issuerOrg(), "任务已上报：" + task.title(), a.assigneeName() + "：" + abbreviate(m.path("text").asText("")),
                            task.id());
                }
            } else {
                notify("task." + action.name().toLowerCase(java.util.Locale.ROOT), a.assigneeOrg(), decisionTitle(action, task.title()),
                        m.path("text").asText(null), task.id());
            }
        }
        if (task.parentId() != null) {
            rollUp(task.parentId());
        }
    }

    private static String text(JsonNode m, String field) throws IOException {
        JsonNode node = m.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new IOException("'" + field + "' is missing");
        }
        return node.asText();
    }

    private void audit(Caller caller, String action, String taskId, String detail) {
        audit.append(new AuditEntry.Draft(caller.username(), null, null, null, action, "task", taskId, "OK", null, null, detail));
    }

    private static String abbreviate(String text) {
        return abbreviate(text, 300);
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
