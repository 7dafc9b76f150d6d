package org.hazardwatch.integration.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.hazardwatch.api.exchange.ExchangeCommand;
import org.hazardwatch.api.exchange.ExchangeStore;
import org.hazardwatch.api.hazard.RegistryBatchWriter;
import org.hazardwatch.api.hazard.RegistryBatchWriter.SourceOfEnterprise;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.Industry;
import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.api.live.LiveEventBus;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.store.AlarmStore;
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
            @Reference ExchangeStore exchange, @Reference RegistryBatchWriter registry, @Reference RegistryService registryService,
            @Reference AlarmStore alarms, @Reference LiveEventBus live, @Reference AuditLog audit) {
        service = new IntakeService(ingest, points, access, exchange, registry, code -> registryService.industries().stream()
                .filter(i -> i.code().equals(code)).map(Industry::group).findFirst().orElse(null), alarms, live, audit, Clock.systemUTC());
    }

    @Override
    public SubmitResult submitSamples(Caller caller, String system, List<SampleSubmission> samples) {
        return service.submitSamples(caller, system, samples);
    }

    @Override
    public SubmitResult submitAlarms(Caller caller, String system, List<AlarmSubmission> alarms) {
        return service.submitAlarms(caller, system, alarms);
    }

    @Override
    public RegistrationResult submitRegistration(Caller caller, String system, List<Enterprise> enterprises, List<SourceOfEnterprise> sources,
            boolean dryRun) {
        return service.submitRegistration(caller, system, enterprises, sources, dryRun);
    }

    @Override
    public List<ExchangeCommand> commands(Caller caller, Instant since, int limit) {
        return service.commands(caller, since, limit);
    }
}
