package org.hazardwatch.core.internal.alarm;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hazardwatch.api.alarm.AlarmDefinition;
import org.hazardwatch.api.alarm.AlarmDefinitionService;
import org.hazardwatch.api.alarm.AlarmEvaluator;
import org.hazardwatch.api.alarm.AlarmEvent;
import org.hazardwatch.api.alarm.AlarmQuery;
import org.hazardwatch.api.alarm.AlarmService;
import org.hazardwatch.api.alarm.DefinitionChange;
import org.hazardwatch.api.alarm.StandardFinding;
import org.hazardwatch.api.live.LiveEventBus;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.store.PointRepository;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarm engine as services: it evaluates stored samples ({@link AlarmEvaluator}, called by the ingest route),
 * takes operator actions ({@link AlarmService}) and keeps the alarm definitions ({@link AlarmDefinitionService}).
 * It also predicts from the trends it keeps ({@link org.hazardwatch.api.warning.TrendService}). One component for all, because a definition change must reach the engine's state machines at once.
 */
@Component(service = { AlarmEvaluator.class, AlarmService.class, AlarmDefinitionService.class,
        org.hazardwatch.api.warning.TrendService.class })
public class AlarmEngineComponent implements AlarmEvaluator, AlarmService, AlarmDefinitionService,
        org.hazardwatch.api.warning.TrendService {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmEngineComponent.class);
    private static final Duration CACHE_AGE = Duration.ofSeconds(10);

    private final JdbcAlarmDefinitions definitions;
    private final AlarmEngine engine;
    private final ScheduledExecutorService timer;

    @Activate
    public AlarmEngineComponent(@Reference MigratedDatabase database, @Reference PointRepository points,
            @Reference LiveEventBus live) {
        AlarmModule module = AlarmModule.create(database.dataSource(), points, Clock.systemUTC(), CACHE_AGE, live::publish);
        definitions = module.definitions();
        engine = module.engine();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hazardwatch-alarm-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::tick, 5, 5, TimeUnit.SECONDS);
    }

    private void tick() {
        try {
            engine.tick();
        } catch (RuntimeException e) {
            LOG.warn("Ending expired alarm shelving failed; retrying in 5 s", e);
        }
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    @Override
    public void evaluate(List<Sample> storedSamples) {
        engine.evaluate(storedSamples);
    }

    @Override
    public List<org.hazardwatch.api.warning.TrendPrediction> predictions(Duration horizon) {
        return engine.predictions(horizon);
    }

    @Override
    public Page<Alarm> search(AlarmQuery query) {
        return engine.search(query);
    }

    @Override
    public Optional<Alarm> find(long alarmId) {
        return engine.find(alarmId);
    }

    @Override
    public List<AlarmEvent> history(long alarmId) {
        return engine.history(alarmId);
    }

    @Override
    public Alarm acknowledge(long alarmId, String user, String comment) {
        return engine.acknowledge(alarmId, user, comment);
    }

    @Override
    public Alarm shelve(long alarmId, Duration duration, String reason, String user) {
        return engine.shelve(alarmId, duration, reason, user);
    }

    @Override
    public Alarm unshelve(long alarmId, String user) {
        return engine.unshelve(alarmId, user);
    }

    @Override
    public Optional<AlarmDefinition> definition(String pointId) {
        return definitions.definition(pointId);
    }

    @Override
    public List<StandardFinding> save(AlarmDefinition definition, String user, String reason) {
        return definitions.save(definition, user, reason);
    }

    @Override
    public void reset(String pointId, String user, String reason) {
        definitions.reset(pointId, user, reason);
    }

    @Override
    public List<DefinitionChange> changes(String pointId, int limit) {
        return definitions.changes(pointId, limit);
    }

    @Override
    public List<StandardFinding> check(AlarmDefinition definition) {
        return definitions.check(definition);
    }

    @Override
    public List<StandardFinding> checkAll() {
        return definitions.checkAll();
    }

    @Override
    public List<org.hazardwatch.api.alarm.ToxicGas> gases() {
        return definitions.gases();
    }
}
