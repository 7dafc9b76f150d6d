package org.hazardwatch.api.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hazardwatch.api.security.Caller;

/**
 * Tasks across the levels (E4). Every transition goes through {@link TaskWorkflow#MACHINE}, is recorded in the task's
 * timeline and the audit log; one refused gets a {@link org.hazardwatch.api.workflow.WorkflowException}.
 */
public interface TaskService {

    /** Most organisations one task is issued to. */
    int MAX_ASSIGNEES = 200;

    /** An organisation a caller can issue tasks to. {@code node}: it works on a lower node, reached through the exchange. */
    record Assignee(String code, String name, boolean node) {
    }

    /**
     * Something awaiting the caller: an assignment of the caller's organisation to receive or report, or a report of a
     * subordinate to decide on.
     */
    record TodoItem(String taskId, String title, String issuerName, String assigneeOrg, String assigneeName, AssignmentStatus status,
            List<TaskAction> actions, Instant deadline, boolean overdue) {
    }

    /** What the issuer writes. */
    record TaskDraft(String title, String body, Instant deadline, List<String> assignees) {
    }

    /** The caller's subordinate organisations: those on this node below the caller's, and the lower nodes. */
    List<Assignee> assignees(Caller caller);

    /**
     * Issues a task from the caller's organisation (task:issue) to some of its subordinate organisations.
     *
     * @throws org.hazardwatch.api.registry.ValidationException naming the rejected fields
     */
    Task issue(Caller caller, TaskDraft draft);

    /** Passes a task the caller's organisation received on to its own subordinates: a new task, linked to it. */
    Task forward(Caller caller, String taskId, TaskDraft draft);

    /** Tasks issued to the caller's organisation, newest first. */
    List<Task> inbox(Caller caller, int limit);

    /** Tasks the caller's organisation issued, newest first. */
    List<Task> outbox(Caller caller, int limit);

    /** What awaits the caller (the to-do list): overdue first, then by deadline, then newest. */
    List<TodoItem> todo(Caller caller);

    /** Every task on this node, newest first: for operators (a nationwide scope, such as the shell's); empty otherwise. */
    List<Task> all(Caller caller, int limit);

    /** A task the caller issued or received, with the actions open to the caller. */
    Optional<Task> get(Caller caller, String taskId);

    /** The tasks that pass this one on (forwarded further down from it). */
    List<Task> forwards(Caller caller, String taskId);

    /** The task's timeline, oldest first. */
    List<TaskEvent> history(Caller caller, String taskId);

    /**
     * Takes an action on one organisation's assignment.
     *
     * @param text the report (REPORT, required) or the reason (RETURN, CANCEL: required)
     */
    Task act(Caller caller, String taskId, String assigneeOrg, TaskAction action, String text);

    /** Largest file a report carries: it travels up the levels inside the report's message. */
    long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

    /** A file and its content. */
    record AttachmentContent(TaskAttachment attachment, byte[] content) {
    }

    /**
     * Adds a file to the caller's own assignment before it is reported (ISSUED, RECEIVED or RETURNED); the report
     * carries it up.
     */
    TaskAttachment attach(Caller caller, String taskId, String assigneeOrg, String fileName, String contentType, java.io.InputStream content);

    /** The files of a task the caller sees, by assignment, oldest first. */
    List<TaskAttachment> attachments(Caller caller, String taskId);

    Optional<AttachmentContent> attachment(Caller caller, String taskId, long attachmentId);
}
