package org.hazardwatch.api.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        int allowed = 0;
        int refused = 0;
        for (AssignmentStatus from : AssignmentStatus.values()) {
            for (TaskAction action : TaskAction.values()) {
                boolean possible = ALLOWED.keySet().stream().anyMatch(k -> k.startsWith(from + " " + action + " "));
                for (TaskRole role : TaskRole.values()) {
                    AssignmentStatus expected = ALLOWED.get(from + " " + action + " " + role);
                    if (expected != null) {
                        assertEquals(expected, TaskWorkflow.MACHINE.next(from, action, EnumSet.of(role)), from + " " + action + " " + role);
                        allowed++;
                    } else {
                        WorkflowException e = assertThrows(WorkflowException.class,
                                () -> TaskWorkflow.MACHINE.next(from, action, EnumSet.of(role)), from + " " + action + " " + role);
                        assertEquals(possible ? WorkflowException.NOT_ALLOWED : WorkflowException.INVALID_TRANSITION, e.code(), e.getMessage());
                        refused++;
                    }
                }
                WorkflowException nobody = assertThrows(WorkflowException.class, () -> TaskWorkflow.MACHINE.next(from, action, Set.of()));
                assertEquals(possible ? WorkflowException.NOT_ALLOWED : WorkflowException.INVALID_TRANSITION, nobody.code());
            }
        }
        assertEquals(10, allowed);
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
