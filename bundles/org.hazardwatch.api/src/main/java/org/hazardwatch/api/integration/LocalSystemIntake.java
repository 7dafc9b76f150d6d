package org.hazardwatch.api.integration;

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

    /** Commands sent down to this node (or through it) since {@code since}, oldest first, in the caller's scope. */
    List<ExchangeCommand> commands(Caller caller, Instant since, int limit);
}
