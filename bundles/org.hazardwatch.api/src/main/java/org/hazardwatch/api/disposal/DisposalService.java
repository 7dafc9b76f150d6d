package org.hazardwatch.api.disposal;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hazardwatch.api.registry.Page;

/**
 * Alarm disposal records and emergency plans. Every move is recorded with who, when and the note; a move the status
 * does not allow is refused with {@link IllegalStateException} naming the allowed ones; bad input is a
 * {@link org.hazardwatch.api.registry.ValidationException}.
 */
public interface DisposalService {

    /** Largest attachment accepted. */
    long MAX_ATTACHMENT_BYTES = 20L * 1024 * 1024;

    /** Opens the disposal of an alarm (status VIEWED), or returns the one already open for it. */
    Disposal open(long alarmId, String user);

    Optional<Disposal> get(long id);

    Optional<Disposal> ofAlarm(long alarmId);

    /**
     * Disposals newest first, optionally only those in {@code status}, of {@code enterpriseCode}, or overdue at
     * {@code overdueAt}.
     */
    Page<Disposal> list(DisposalStatus status, String enterpriseCode, org.hazardwatch.api.security.DataScope scope,
            Instant overdueAt, int page, int size);

    /** Assigns on-site verification: VIEWED to VERIFYING; assignee and deadline are required. */
    Disposal verify(long id, String assignee, Instant deadline, String note, String user);

    /** Verified as real: VERIFYING to DISPOSING by a plan of the point's enterprise; assignee and deadline required. */
    Disposal dispose(long id, long planId, String assignee, Instant deadline, String note, String user);

    /** Closes with a conclusion: from DISPOSING, or from VERIFYING when verification found a false alarm. */
    Disposal close(long id, String conclusion, boolean falseAlarm, String user);

    /** Adds a note without moving (not once closed). */
    Disposal note(long id, String note, String user);

    /** Stores a photo or file (at most {@link #MAX_ATTACHMENT_BYTES}; not once closed). */
    DisposalAttachment attach(long id, String fileName, String contentType, InputStream content, String user);

    /** The content of an attachment of a disposal. */
    Optional<byte[]> attachmentContent(long disposalId, long attachmentId);

    List<EmergencyPlan> plans(String enterpriseCode, String hazardSourceCode);

    Optional<EmergencyPlan> plan(long id);

    EmergencyPlan savePlan(EmergencyPlan plan, String user);

    boolean deletePlan(long id);
}
