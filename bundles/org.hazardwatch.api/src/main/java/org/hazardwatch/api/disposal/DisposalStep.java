package org.hazardwatch.api.disposal;

import java.time.Instant;

/**
 * One entry of a disposal's history: a move to another status, or a note.
 *
 * @param from the status before ({@code null} when the disposal was opened)
 * @param to the status after (equal to {@code from} for a note)
 * @param at when
 * @param actor who
 * @param note what they wrote
 * @param assignee the assignee set by this step, or {@code null}
 * @param deadline the deadline set by this step, or {@code null}
 */
public record DisposalStep(long id, DisposalStatus from, DisposalStatus to, Instant at, String actor, String note,
        String assignee, Instant deadline) {
}
