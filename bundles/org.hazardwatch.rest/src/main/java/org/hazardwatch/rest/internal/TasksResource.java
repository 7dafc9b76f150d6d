package org.hazardwatch.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.api.task.Task;
import org.hazardwatch.api.task.TaskAction;
import org.hazardwatch.api.task.TaskEvent;
import org.hazardwatch.api.task.TaskService;

/**
 * Tasks across the levels (E4): issue to subordinate organisations, receive, report, decide, pass on. Which action a
 * person may take is the task workflow's to say (409 with the reason otherwise); the service audits every step.
 */
@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.TASK_VIEW)
public class TasksResource extends ScopedResource {

    public record TaskInput(String title, String body, String deadline, List<String> assignees) {
    }

    public record ActionInput(String text) {
    }

    public record TaskDetail(Task task, List<Task> forwards, List<TaskEvent> history, List<org.hazardwatch.api.task.TaskAttachment> attachments) {
    }

    private final TaskService tasks;

    public TasksResource(TaskService tasks, AccessControl access) {
        super(access);
        this.tasks = tasks;
    }

    /** {@code box=inbox}: issued to the caller's organisation; {@code outbox}: issued by it. Newest first. */
    @GET
    public List<Task> list(@QueryParam("box") String box, @QueryParam("limit") String limit) {
        int max = Params.limit(limit, 100, 500);
        String which = box == null || box.isBlank() ? "inbox" : box.strip().toLowerCase(Locale.ROOT);
        return switch (which) {
            case "inbox" -> tasks.inbox(caller(), max);
            case "outbox" -> tasks.outbox(caller(), max);
            default -> throw new ValidationException(List.of(new FieldError("box", "INVALID", "inbox or outbox, not " + box)));
        };
    }

    /**
     * What awaits the caller (the to-do list, also the header's badge): assignments of the caller's organisation to
     * receive or report, reports of subordinates to decide on. Overdue first.
     */
    @GET
    @Path("/todo")
    public List<TaskService.TodoItem> todo() {
        return tasks.todo(caller());
    }

    /** The organisations the caller can issue tasks to: below the caller's on this node, and the lower nodes. */
    @GET
    @Path("/assignees")
    @Requires(Permission.TASK_ISSUE)
    public List<TaskService.Assignee> assignees() {
        return tasks.assignees(caller());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.TASK_ISSUE)
    public Response issue(TaskInput input) {
        return Response.status(201).entity(tasks.issue(caller(), draft(input))).build();
    }

    @GET
    @Path("/{id}")
    public TaskDetail get(@PathParam("id") String id) {
        Task task = tasks.get(caller(), id).orElseThrow(() -> new NoSuchElementException("no task " + id));
        return new TaskDetail(task, tasks.forwards(caller(), id), tasks.history(caller(), id), tasks.attachments(caller(), id));
    }

    /** Passes a task the caller's organisation received on to its own subordinates (a new task linked to it). */
    @POST
    @Path("/{id}/forward")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.TASK_ISSUE)
    public Response forward(@PathParam("id") String id, TaskInput input) {
        return Response.status(201).entity(tasks.forward(caller(), id, draft(input))).build();
    }

    /** One step of an organisation's assignment: receive, report, accept, return, cancel. */
    @POST
    @Path("/{id}/assignments/{org}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Task act(@PathParam("id") String id, @PathParam("org") String org, @PathParam("action") String action, ActionInput input) {
        TaskAction step = Params.enumValue("action", action, TaskAction.class);
        return tasks.act(caller(), id, org, step, input == null ? null : input.text());
    }

    /** Adds a file (raw body) to the caller's own assignment before it reports; the report carries it up the levels. */
    @POST
    @Path("/{id}/assignments/{org}/attachments")
    @Consumes(MediaType.WILDCARD)
    @Requires(Permission.TASK_REPORT)
    public Response attach(@javax.ws.rs.core.Context javax.ws.rs.core.HttpHeaders headers, @PathParam("id") String id, @PathParam("org") String org,
            @QueryParam("fileName") String fileName, java.io.InputStream body) {
        String media = headers.getMediaType() == null ? null : headers.getMediaType().toString();
        org.hazardwatch.api.task.TaskAttachment file = tasks.attach(caller(), id, org, fileName, media, body);
        return Response.status(201).entity(file).build();
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") String id, @PathParam("attachmentId") long attachmentId) {
        TaskService.AttachmentContent found = tasks.attachment(caller(), id, attachmentId)
                .orElseThrow(() -> new NoSuchElementException("task " + id + " has no file " + attachmentId));
        return Response.ok(found.content(), found.attachment().contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(found.attachment().fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-SHA256", found.attachment().sha256()).build();
    }

    private static TaskService.TaskDraft draft(TaskInput input) {
        if (input == null) {
            throw new ValidationException(List.of(new FieldError("title", "REQUIRED", "title, assignees and optionally body and deadline")));
        }
        Instant deadline;
        try {
            deadline = input.deadline() == null || input.deadline().isBlank() ? null : Instant.parse(input.deadline().strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ValidationException(List.of(new FieldError("deadline", "FORMAT", "an ISO-8601 instant such as 2026-12-31T16:00:00Z")));
        }
        return new TaskService.TaskDraft(input.title(), input.body(), deadline, input.assignees());
    }
}
