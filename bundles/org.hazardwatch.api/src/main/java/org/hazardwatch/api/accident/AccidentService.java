package org.hazardwatch.api.accident;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.security.Caller;

/**
 * The accident register. People with {@code accident:view} see the accidents of enterprises in their scope;
 * {@code accident:edit} records and corrects them (an enterprise only its own). Records from lower nodes are kept
 * read-only. Nothing is deleted: a record entered in error is voided with a reason.
 */
public interface AccidentService {

    /**
     * What a person enters. {@code uscc}: a registered enterprise (its name, county, park and industry are taken from the
     * registry) or, for an enterprise never registered, null with {@code enterpriseName} and {@code regionCode}.
     */
    record Draft(Instant occurredAt, String uscc, String enterpriseName, String regionCode, String industryCode, String hazardSourceCode,
            AccidentKind kind, Integer deaths, Integer injuries, BigDecimal directLossWan, String description, String sourceDocument) {
    }

    /** Filters; any may be null. {@code regionCode} is a region or park code (subtree). */
    record Query(String regionCode, Instant from, Instant to, AccidentKind kind, String uscc, String text, boolean includeVoided) {
    }

    /** What an import did, or would do ({@code dryRun}). Nothing is stored when {@code errors} is not empty. */
    record ImportResult(boolean dryRun, int rows, int created, int duplicates, List<RowError> errors) {
    }

    /** A problem with one row (numbered as the spreadsheet shows it) of an import. */
    record RowError(int row, FieldError error) {
    }

    /**
     * An alarm raised at the accident's enterprise before it (B5).
     *
     * @param sameHazardSource whether the point belongs to the hazard source the accident names
     * @param leadMinutes how long before the accident it was raised
     */
    record PrecedingAlarm(long alarmId, String pointId, String pointName, String pointType, String hazardSourceCode, boolean sameHazardSource,
            String kind, String category, Instant raisedAt, long leadMinutes) {
    }

    /**
     * The alarms of the accident's enterprise in the window before it, oldest first (at most 1,000), with counts.
     *
     * @param byKind alarm kind → alarms; {@code byPointType} point type → alarms
     * @param longestLeadMinutes lead time of the earliest alarm in the window, or null when there was none
     */
    record Precursors(String accidentId, int windowHours, long total, long process, long instrument, Map<String, Long> byKind,
            Map<String, Long> byPointType, Long longestLeadMinutes, Long shortestLeadMinutes, List<PrecedingAlarm> alarms) {
    }

    int MAX_WINDOW_HOURS = 720;

    /** Empty when the caller does not see the accident; nothing for an enterprise that was never registered. */
    Optional<Precursors> precedingAlarms(Caller caller, String id, int windowHours);

    Page<Accident> search(Caller caller, Query query, int page, int size);

    Optional<Accident> get(Caller caller, String id);

    /** @throws org.hazardwatch.api.registry.ValidationException for bad input, or {@code DUPLICATE} */
    Accident record(Caller caller, Draft draft);

    Accident update(Caller caller, String id, Draft draft);

    Accident voidRecord(Caller caller, String id, String reason);

    /**
     * Stores many accidents at once (an Excel import): every row is checked first, and nothing is stored when any has
     * an error. Rows equal to an accident already registered (same enterprise, time and type) are counted as duplicates
     * and skipped, so importing a file twice stores it once.
     *
     * @param rows spreadsheet row number → draft
     */
    ImportResult importAll(Caller caller, List<NumberedDraft> rows, boolean dryRun);

    record NumberedDraft(int row, Draft draft) {
    }
}
