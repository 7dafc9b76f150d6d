package org.hazardwatch.api.task;

import static org.hazardwatch.api.task.AssignmentStatus.ACCEPTED;
import static org.hazardwatch.api.task.AssignmentStatus.CANCELLED;
import static org.hazardwatch.api.task.AssignmentStatus.ISSUED;
import static org.hazardwatch.api.task.AssignmentStatus.RECEIVED;
import static org.hazardwatch.api.task.AssignmentStatus.REPORTED;
import static org.hazardwatch.api.task.AssignmentStatus.RETURNED;

import java.util.EnumSet;

import org.hazardwatch.api.workflow.StateMachine;

/** The state machine of an assignment: the same at the issuing node and at the assignee's. */
public final class TaskWorkflow {

    public static final StateMachine<AssignmentStatus, TaskAction, TaskRole> MACHINE = StateMachine
            .<AssignmentStatus, TaskAction, TaskRole>named("task assignment")
            .allow(EnumSet.of(ISSUED), TaskAction.RECEIVE, RECEIVED, TaskRole.ASSIGNEE)
            .allow(EnumSet.of(ISSUED, RECEIVED, RETURNED), TaskAction.REPORT, REPORTED, TaskRole.ASSIGNEE)
            .allow(EnumSet.of(REPORTED), TaskAction.ACCEPT, ACCEPTED, TaskRole.ISSUER)
            .allow(EnumSet.of(REPORTED), TaskAction.RETURN, RETURNED, TaskRole.ISSUER)
            .allow(EnumSet.of(ISSUED, RECEIVED, REPORTED, RETURNED), TaskAction.CANCEL, CANCELLED, TaskRole.ISSUER)
            .build();

    private TaskWorkflow() {
    }
}
