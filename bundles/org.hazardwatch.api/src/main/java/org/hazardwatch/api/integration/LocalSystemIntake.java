package org.hazardwatch.api.integration;

import org.hazardwatch.api.hazard.RegistryBatchWriter.SourceOfEnterprise;
import org.hazardwatch.api.registry.Enterprise;

import java.time.Instant;
import java.util.List;

import org.hazardwatch.api.exchange.ExchangeCommand;
import org.hazardwatch.api.security.Caller;

/**
 * The integration interface of a node (requirement I1), offered as SOAP (WSDL at {@code /soap/integration?wsdl}) and as
 * REST ({@code /api/integration}): local systems submit safety parameters, which take the same path as the adapters'
 * readings (data-quality filter, storage, alarms, exchange upward), and fetch the commands sent down to the node.
 */
public interface LocalSystemIntake {

    /** Most samples accepted in one call. */
    int MAX_SAMPLES = 10_000;

    /**
     * One reading as a local system reports it.
     *
     * @param quality GOOD, UNCERTAIN or BAD; {@code null} means GOOD
     */
    record SampleSubmission(String pointId, Instant time, Double value, String quality) {
    }

    /** A reading not taken, with its position in the call and why. */
    record Refusal(int index, String pointId, String reason) {
    }

    record SubmitResult(int accepted, List<Refusal> refused) {
    }

    /**
     * Checks each reading (known point in the caller's scope, a time not in the future, a finite value, a known
     * quality) and hands the good ones to the ingest; the others are refused with the reason and nothing of them is
     * stored.
     *
     * @param system the name of the submitting system, for the log
     * @throws IllegalArgumentException when the call carries no readings or more than {@link #MAX_SAMPLES}
     */
    SubmitResult submitSamples(Caller caller, String system, List<SampleSubmission> samples);

    /** Most alarms accepted in one call. */
    int MAX_ALARMS = 1_000;

    /**
     * An alarm as a local system (DCS, SIS, gas detection controller) reports it.
     *
     * @param kind HIGH_HIGH, HIGH, LOW, LOW_LOW, RATE_OF_CHANGE or FAULT
     * @param state ACTIVE (raised, or raised again) or RETURNED (the condition is over)
     * @param value the value at the change; required for an activation except of FAULT
     * @param limit the limit crossed, or null
     * @param priority HIGH, MEDIUM or LOW; null: HIGH for HIGH_HIGH, LOW_LOW and FAULT, MEDIUM otherwise
     */
    record AlarmSubmission(String pointId, String kind, String state, Instant time, Double value, Double limit, String priority) {
    }

    /**
     * Takes alarms local systems raised and returned, in the order given: an activation opens an occurrence of the
     * point's alarm of that kind (or activates a returned one again), a return ends it. They are this node's alarms
     * (annunciated, acknowledged on the alarm console, sent up) marked with the system's name, so the node's own alarm
     * engine leaves them to the system. Refused ones (unknown point, bad kind or state, time missing or ahead, a
     * return before its activation) come back with their index and reason; nothing of them is stored.
     *
     * @throws IllegalArgumentException when the call carries no alarms or more than {@link #MAX_ALARMS}
     */
    SubmitResult submitAlarms(Caller caller, String system, List<AlarmSubmission> alarms);

    /** Most enterprises plus hazard sources accepted in one registration call. */
    int MAX_REGISTRATION_ITEMS = 1_000;

    /**
     * A registration item refused, with its place in the call.
     *
     * @param item {@code enterprise} or {@code hazardSource}
     * @param field the field, with paths such as {@code units[0].inventory[1].tonnes}
     */
    record RegistrationError(String item, int index, String field, String code, String message) {
    }

    /** What a registration call did: all of it or, when any item has an error, nothing. */
    record RegistrationResult(boolean applied, boolean dryRun, int enterprisesCreated, int enterprisesUpdated, int sourcesCreated,
            int sourcesUpdated, List<RegistrationError> errors) {
    }

    /**
     * Registers enterprises and their major hazard sources as a local system keeps them (the plant's safety management
     * system): matched by USCC and by enterprise and code, created or updated, graded under GB 18218-2018; sent up by
     * the exchange with the point catalogue. All or nothing: when any item has an error, nothing is written and every
     * error comes back. Items outside the caller's scope are refused (OUTSIDE_SCOPE).
     *
     * @param dryRun check only, write nothing
     * @throws SecurityException when the caller lacks {@code registry:edit}
     * @throws IllegalArgumentException when the call carries nothing or more than {@link #MAX_REGISTRATION_ITEMS} items
     */
    RegistrationResult submitRegistration(Caller caller, String system, List<Enterprise> enterprises, List<SourceOfEnterprise> sources,
            boolean dryRun);

    /** Commands sent down to this node (or through it) since {@code since}, oldest first, in the caller's scope. */
    List<ExchangeCommand> commands(Caller caller, Instant since, int limit);
}
