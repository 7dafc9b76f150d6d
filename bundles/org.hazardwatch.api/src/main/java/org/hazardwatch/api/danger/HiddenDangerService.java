package org.hazardwatch.api.danger;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.security.Caller;

/**
 * Hidden-danger investigation and governance (E1). Every method checks the caller's scope; every step goes through
 * {@link DangerWorkflow}, is kept in the timeline and the audit log and told to the other side through the notifiers.
 */
public interface HiddenDangerService {

    long MAX_ATTACHMENT_BYTES = 20L * 1024 * 1024;

    /** A hidden danger as found. {@code foundAt} null: now. */
    record DangerDraft(String uscc, String hazardSourceCode, Long inspectionId, DangerLevel level, DangerCategory category, String location,
            String description, Instant foundAt) {
    }

    /**
     * What a step carries: ASSIGN the responsible person, the deadline and (from the county or park) the notice
     * number; REPORT the rectification done; REJECT the reason (required); ACCEPT a remark.
     */
    record Step(String note, String responsible, Instant deadline, String noticeNumber) {
    }

    /** Filters; null fields do not filter. */
    record Query(DangerStatus status, DangerLevel level, String uscc, String regionCode, Boolean overdue, Long inspectionId) {
    }

    record InspectionDraft(String uscc, String kind, String title, List<String> checklist, String inspector, Instant plannedAt) {
    }

    record AttachmentContent(DangerAttachment attachment, byte[] content) {
    }

    /**
     * Open ones by level, overdue ones, closed in the period, open ones by category and per county.
     */
    record Statistics(Map<DangerLevel, Long> openByLevel, long overdue, long closed, Map<DangerCategory, Long> openByCategory,
            List<RegionRow> byRegion) {
        public record RegionRow(String regionCode, long open, long major, long overdue, long closed) {
        }
    }

    Page<HiddenDanger> search(Caller caller, Query query, int page, int size);

    Optional<HiddenDanger> get(Caller caller, String id);

    /** Hidden dangers awaiting the caller's step, overdue first. */
    List<HiddenDanger> todo(Caller caller);

    HiddenDanger record(Caller caller, DangerDraft draft);

    HiddenDanger act(Caller caller, String id, DangerAction action, Step step);

    /** Sets the governance project of a major hidden danger (before it is accepted). */
    HiddenDanger plan(Caller caller, String id, String measures, BigDecimal funds, String responsible, Instant deadline);

    /** Records how far the governance project has got. */
    HiddenDanger progress(Caller caller, String id, int percent, String note);

    DangerAttachment attach(Caller caller, String id, String stage, String fileName, String contentType, InputStream content);

    Optional<AttachmentContent> attachment(Caller caller, String id, long attachmentId);

    Statistics statistics(Caller caller, Instant from, Instant to);

    List<Inspection> inspections(Caller caller, String uscc, String status, int limit);

    Inspection planInspection(Caller caller, InspectionDraft draft);

    /** Marks an investigation done with its result. */
    Inspection completeInspection(Caller caller, long id, String result);
}
