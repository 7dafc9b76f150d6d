package org.hazardwatch.api.danger;

import static org.hazardwatch.api.danger.DangerStatus.AWAITING_ACCEPTANCE;
import static org.hazardwatch.api.danger.DangerStatus.CLOSED;
import static org.hazardwatch.api.danger.DangerStatus.FOUND;
import static org.hazardwatch.api.danger.DangerStatus.RECTIFYING;

import java.util.EnumSet;

import org.hazardwatch.api.workflow.StateMachine;

/**
 * The state machines of a hidden danger. A general one the enterprise may arrange and accept itself; a major one is
 * put under a rectification notice and accepted (销号) by the county or park. Either way nothing closes without an
 * acceptance, and a reported rectification can be refused back.
 */
public final class DangerWorkflow {

    public static final StateMachine<DangerStatus, DangerAction, DangerRole> GENERAL = StateMachine
            .<DangerStatus, DangerAction, DangerRole>named("general hidden danger")
            .allow(EnumSet.of(FOUND), DangerAction.ASSIGN, RECTIFYING, DangerRole.ENTERPRISE, DangerRole.SUPERVISOR)
            .allow(EnumSet.of(RECTIFYING), DangerAction.REPORT, AWAITING_ACCEPTANCE, DangerRole.ENTERPRISE)
            .allow(EnumSet.of(AWAITING_ACCEPTANCE), DangerAction.ACCEPT, CLOSED, DangerRole.ENTERPRISE, DangerRole.SUPERVISOR)
            .allow(EnumSet.of(AWAITING_ACCEPTANCE), DangerAction.REJECT, RECTIFYING, DangerRole.ENTERPRISE, DangerRole.SUPERVISOR)
            .build();

    public static final StateMachine<DangerStatus, DangerAction, DangerRole> MAJOR = StateMachine
            .<DangerStatus, DangerAction, DangerRole>named("major hidden danger")
            .allow(EnumSet.of(FOUND), DangerAction.ASSIGN, RECTIFYING, DangerRole.SUPERVISOR)
            .allow(EnumSet.of(RECTIFYING), DangerAction.REPORT, AWAITING_ACCEPTANCE, DangerRole.ENTERPRISE)
            .allow(EnumSet.of(AWAITING_ACCEPTANCE), DangerAction.ACCEPT, CLOSED, DangerRole.SUPERVISOR)
            .allow(EnumSet.of(AWAITING_ACCEPTANCE), DangerAction.REJECT, RECTIFYING, DangerRole.SUPERVISOR)
            .build();

    private DangerWorkflow() {
    }

    public static StateMachine<DangerStatus, DangerAction, DangerRole> of(DangerLevel level) {
        return level == DangerLevel.MAJOR ? MAJOR : GENERAL;
    }
}
