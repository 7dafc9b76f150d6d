package org.hazardwatch.integration.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.hazardwatch.api.exchange.ExchangeCommand;
import org.hazardwatch.api.exchange.ExchangeStore;
import org.hazardwatch.api.ingest.SampleSink;
import org.hazardwatch.api.integration.LocalSystemIntake;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.store.PointRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Offers {@link IntakeService} as the node's {@link LocalSystemIntake}, for the SOAP endpoint and the REST resource. */
@Component(service = LocalSystemIntake.class)
public class IntakeComponent implements LocalSystemIntake {

    private final IntakeService service;

    @Activate
    public IntakeComponent(@Reference SampleSink ingest, @Reference PointRepository points, @Reference AccessControl access,
            @Reference ExchangeStore exchange) {
        service = new IntakeService(ingest, points, access, exchange, Clock.systemUTC());
    }

    @Override
    public SubmitResult submitSamples(Caller caller, String system, List<SampleSubmission> samples) {
        return service.submitSamples(caller, system, samples);
    }

    @Override
    public List<ExchangeCommand> commands(Caller caller, Instant since, int limit) {
        return service.commands(caller, since, limit);
    }
}
