package org.hazardwatch.api.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.hazardwatch.api.workflow.WorkflowException;
import org.junit.jupiter.api.Test;

/** Every action from every status for every role: exactly the allowed ones pass, each refusal says why. */
class TaskWorkflowTest {

    /** The allowed transitions, written out independently of the machine's definition. */
    static final Map<String, AssignmentStatus> ALLOWED = Map.ofEntries(
            Map.entry("ISSUED RECEIVE ASSIGNEE", AssignmentStatus.RECEIVED),
            Map.entry("ISSUED REPORT ASSIGNEE", AssignmentStatus.REPORTED),
            Map.entry("RECEIVED REPORT ASSIGNEE", AssignmentStatus.REPORTED),
            Map.entry("RETURNED REPORT ASSIGNEE", AssignmentStatus.REPORTED),
            Map.entry("REPORTED ACCEPT ISSUER", AssignmentStatus.ACCEPTED),
            Map.entry("REPORTED RETURN ISSUER", AssignmentStatus.RETURNED),
            Map.entry("ISSUED CANCEL ISSUER", AssignmentStatus.CANCELLED),
            Map.entry("RECEIVED CANCEL ISSUER", AssignmentStatus.CANCELLED),
            Map.entry("REPORTED CANCEL ISSUER", AssignmentStatus.CANCELLED),
            Map.entry("RETURNED CANCEL ISSUER", AssignmentStatus.CANCELLED));

    @Test
    void exactlyTheAllowedTransitionsPassForEachRole() {
        int refused = org.hazardwatch.api.workflow.TransitionTable.assertExactly(TaskWorkflow.MACHINE, ALLOWED, AssignmentStatus.class,
                TaskAction.class, TaskRole.class);
        assertEquals(6 * 5 * 2 - 10, refused);
        assertEquals(10, TaskWorkflow.MACHINE.transitions().size());
    }

    @Test
    void refusalsNameWhatIsPossibleAndWhoseItIs() {
        WorkflowException over = assertThrows(WorkflowException.class,
                () -> TaskWorkflow.MACHINE.next(AssignmentStatus.ACCEPTED, TaskAction.REPORT, EnumSet.of(TaskRole.ASSIGNEE)));
        assertEquals("task assignment: REPORT is not possible from ACCEPTED (possible: [])", over.getMessage());
        WorkflowException notYours = assertThrows(WorkflowException.class,
                () -> TaskWorkflow.MACHINE.next(AssignmentStatus.REPORTED, TaskAction.ACCEPT, EnumSet.of(TaskRole.ASSIGNEE)));
        assertEquals("task assignment: ACCEPT from REPORTED is for [ISSUER], not for [ASSIGNEE]", notYours.getMessage());
    }

    @Test
    void theActionsOfferedAreTheOnesThatPass() {
        assertEquals(List.of(TaskAction.RECEIVE, TaskAction.REPORT), TaskWorkflow.MACHINE.actions(AssignmentStatus.ISSUED, EnumSet.of(TaskRole.ASSIGNEE)));
        assertEquals(List.of(TaskAction.ACCEPT, TaskAction.RETURN, TaskAction.CANCEL),
                TaskWorkflow.MACHINE.actions(AssignmentStatus.REPORTED, EnumSet.of(TaskRole.ISSUER)));
        assertEquals(List.of(), TaskWorkflow.MACHINE.actions(AssignmentStatus.ACCEPTED, EnumSet.allOf(TaskRole.class)));
        assertThrows(IllegalArgumentException.class, () -> org.hazardwatch.api.workflow.StateMachine.<AssignmentStatus, TaskAction, TaskRole>named("x")
                .allow(EnumSet.of(AssignmentStatus.ISSUED), TaskAction.RECEIVE, AssignmentStatus.RECEIVED, TaskRole.ASSIGNEE)
                .allow(EnumSet.of(AssignmentStatus.ISSUED), TaskAction.RECEIVE, AssignmentStatus.REPORTED, TaskRole.ISSUER), "one action, two ends");
    }
}
