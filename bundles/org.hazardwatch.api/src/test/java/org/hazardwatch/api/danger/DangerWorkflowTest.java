package org.hazardwatch.api.danger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;

import org.hazardwatch.api.workflow.TransitionTable;
import org.junit.jupiter.api.Test;

/** Both hidden-danger machines per role: nothing reaches CLOSED but by ACCEPT, and a major one is the supervisor's to close. */
class DangerWorkflowTest {

    static final Map<String, DangerStatus> GENERAL = Map.ofEntries(
            Map.entry("FOUND ASSIGN ENTERPRISE", DangerStatus.RECTIFYING),
            Map.entry("FOUND ASSIGN SUPERVISOR", DangerStatus.RECTIFYING),
            Map.entry("RECTIFYING REPORT ENTERPRISE", DangerStatus.AWAITING_ACCEPTANCE),
            Map.entry("AWAITING_ACCEPTANCE ACCEPT ENTERPRISE", DangerStatus.CLOSED),
            Map.entry("AWAITING_ACCEPTANCE ACCEPT SUPERVISOR", DangerStatus.CLOSED),
            Map.entry("AWAITING_ACCEPTANCE REJECT ENTERPRISE", DangerStatus.RECTIFYING),
            Map.entry("AWAITING_ACCEPTANCE REJECT SUPERVISOR", DangerStatus.RECTIFYING));

    static final Map<String, DangerStatus> MAJOR = Map.ofEntries(
            Map.entry("FOUND ASSIGN SUPERVISOR", DangerStatus.RECTIFYING),
            Map.entry("RECTIFYING REPORT ENTERPRISE", DangerStatus.AWAITING_ACCEPTANCE),
            Map.entry("AWAITING_ACCEPTANCE ACCEPT SUPERVISOR", DangerStatus.CLOSED),
            Map.entry("AWAITING_ACCEPTANCE REJECT SUPERVISOR", DangerStatus.RECTIFYING));

    @Test
    void exactlyTheAllowedTransitionsPassForEachRole() {
        assertEquals(4 * 4 * 2 - 7, TransitionTable.assertExactly(DangerWorkflow.GENERAL, GENERAL, DangerStatus.class, DangerAction.class,
                DangerRole.class));
        assertEquals(4 * 4 * 2 - 4, TransitionTable.assertExactly(DangerWorkflow.MAJOR, MAJOR, DangerStatus.class, DangerAction.class,
                DangerRole.class));
        assertEquals(DangerWorkflow.MAJOR, DangerWorkflow.of(DangerLevel.MAJOR));
    }

    @Test
    void onlyAcceptanceCloses() {
        for (var machine : new org.hazardwatch.api.workflow.StateMachine<?, ?, ?>[] { DangerWorkflow.GENERAL, DangerWorkflow.MAJOR }) {
            machine.transitions().stream().filter(t -> t.to() == DangerStatus.CLOSED).forEach(t -> assertEquals(DangerAction.ACCEPT, t.action()));
        }
        assertEquals(java.util.List.of(), DangerWorkflow.GENERAL.actions(DangerStatus.CLOSED, EnumSet.allOf(DangerRole.class)));
    }
}
