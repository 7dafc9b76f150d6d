package org.hazardwatch.api.disposal;

import java.util.Set;

/**
 * The steps of an alarm disposal (报警处置). Allowed moves: VIEWED to VERIFYING; VERIFYING to DISPOSING (confirmed:
 * act by an emergency plan) or to CLOSED (a false alarm); DISPOSING to CLOSED. A closed disposal stays closed.
 */
public enum DisposalStatus {
    /** 已查看: somebody took the alarm up. */
    VIEWED,
    /** 现场核实: someone is assigned to verify on site, by a deadline. */
    VERIFYING,
    /** 按预案处置: confirmed, being handled by an emergency plan. */
    DISPOSING,
    /** 已关闭: over, with a conclusion. */
    CLOSED;

    public Set<DisposalStatus> next() {
        return switch (this) {
            case VIEWED -> Set.of(VERIFYING);
            case VERIFYING -> Set.of(DISPOSING, CLOSED);
            case DISPOSING -> Set.of(CLOSED);
            case CLOSED -> Set.of();
        };
    }
}
