package org.hazardwatch.core.internal.task;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hazardwatch.api.exchange.ExchangeLinks;
import org.hazardwatch.api.exchange.WorkInbox;
import org.hazardwatch.api.notify.Notifier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.LoggerFactory;
import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.OrganisationService;
import org.hazardwatch.api.task.Task;
import org.hazardwatch.api.task.TaskAction;
import org.hazardwatch.api.task.TaskEvent;
import org.hazardwatch.api.task.TaskService;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Offers {@link JdbcTasks} as the node's task service and as the inbox of task work messages from the exchange; reminds
 * of deadlines every five minutes (a day ahead, and once overdue).
 */
@Component(service = { TaskService.class, WorkInbox.class })
public class TaskComponent implements TaskService, WorkInbox {

    static final java.time.Duration REMIND_AHEAD = java.time.Duration.ofHours(24);

    private final JdbcTasks tasks;

    /** The exchange, when it runs here: tasks for lower nodes travel through it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ExchangeLinks exchange;

    /** The notification gateways (the logging one, and whatever a bundle adds). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Notifier> notifiers = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final ScheduledExecutorService reminders = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hazardwatch-task-reminders");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public TaskComponent(@Reference MigratedDatabase database, @Reference OrganisationService organisations, @Reference RegistryService registry,
            @Reference AuditLog audit) {
        tasks = new JdbcTasks(database.dataSource(), organisations, registry, audit, () -> exchange, () -> notifiers, Clock.systemUTC());
        reminders.scheduleWithFixedDelay(this::remind, 1, 5, TimeUnit.MINUTES);
    }

    private void remind() {
        try {
            tasks.remind(REMIND_AHEAD);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(TaskComponent.class).warn("Task deadline reminders failed: {}", e.toString());
        }
    }

    @Deactivate
    void deactivate() {
        reminders.shutdownNow();
    }

    @Override
    public List<TodoItem> todo(Caller caller) {
        return tasks.todo(caller);
    }

    @Override
    public List<Assignee> assignees(Caller caller) {
        return tasks.assignees(caller);
    }

    @Override
    public Task issue(Caller caller, TaskDraft draft) {
        return tasks.issue(caller, draft);
    }

    @Override
    public Task forward(Caller caller, String taskId, TaskDraft draft) {
        return tasks.forward(caller, taskId, draft);
    }

    @Override
    public List<Task> inbox(Caller caller, int limit) {
        return tasks.inbox(caller, limit);
    }

    @Override
    public List<Task> outbox(Caller caller, int limit) {
        return tasks.outbox(caller, limit);
    }

    @Override
    public List<Task> all(Caller caller, int limit) {
        return tasks.all(caller, limit);
    }

    @Override
    public Optional<Task> get(Caller caller, String taskId) {
        return tasks.get(caller, taskId);
    }

    @Override
    public List<Task> forwards(Caller caller, String taskId) {
        return tasks.forwards(caller, taskId);
    }

    @Override
    public List<TaskEvent> history(Caller caller, String taskId) {
        return tasks.history(caller, taskId);
    }

    @Override
    public Task act(Caller caller, String taskId, String assigneeOrg, TaskAction action, String text) {
        return tasks.act(caller, taskId, assigneeOrg, action, text);
    }

    @Override
    public org.hazardwatch.api.task.TaskAttachment attach(Caller caller, String taskId, String assigneeOrg, String fileName, String contentType,
            java.io.InputStream content) {
        return tasks.attach(caller, taskId, assigneeOrg, fileName, contentType, content);
    }

    @Override
    public List<org.hazardwatch.api.task.TaskAttachment> attachments(Caller caller, String taskId) {
        return tasks.attachments(caller, taskId);
    }

    @Override
    public Optional<AttachmentContent> attachment(Caller caller, String taskId, long attachmentId) {
        return tasks.attachment(caller, taskId, attachmentId);
    }

    @Override
    public Set<String> kinds() {
        return tasks.kinds();
    }

    @Override
    public void receive(String fromNode, boolean fromParent, String kind, String json) throws java.io.IOException {
        tasks.receive(fromNode, fromParent, kind, json);
    }
}
