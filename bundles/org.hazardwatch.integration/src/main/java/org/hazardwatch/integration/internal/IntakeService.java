package org.hazardwatch.integration.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.hazardwatch.api.alarm.AlarmEvent;
import org.hazardwatch.api.alarm.AlarmEventType;
import org.hazardwatch.api.exchange.ExchangeCommand;
import org.hazardwatch.api.live.LiveEvent;
import org.hazardwatch.api.live.LiveEventBus;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.store.AlarmStore;
import org.hazardwatch.api.exchange.ExchangeStore;
import org.hazardwatch.api.hazard.RegistryBatchWriter;
import org.hazardwatch.api.hazard.RegistryBatchWriter.SourceOfEnterprise;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.api.ingest.SampleSink;
import org.hazardwatch.api.integration.LocalSystemIntake;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.store.PointRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks what local systems submit and hands it to the ingest, as an adapter would; answers which commands came down.
 * Plain Java (the component below wires it), so it is tested without Karaf.
 */
public class IntakeService implements LocalSystemIntake {

    /** Readings from further ahead than this are refused: a local system's clock must be set. */
    static final Duration MAX_FUTURE = Duration.ofMinutes(5);

    private final Logger logger = LoggerFactory.getLogger(IntakeService.class);
    private final SampleSink ingest;
    private final PointRepository points;
    private final AccessControl access;
    private final ExchangeStore exchange;
    private final RegistryBatchWriter registry;
    private final Function<String, IndustryGroup> industryGroups;
    private final AuditLog audit;
    private final AlarmStore alarms;
    private final LiveEventBus live;
    private final Clock clock;

    public IntakeService(SampleSink ingest, PointRepository points, AccessControl access, ExchangeStore exchange,
            RegistryBatchWriter registry, Function<String, IndustryGroup> industryGroups, AlarmStore alarms, LiveEventBus live, AuditLog audit,
            Clock clock) {
        this.alarms = alarms;
        this.live = live;
        this.ingest = ingest;
        this.registry = registry;
        this.industryGroups = industryGroups;
        this.audit = audit;
        this.points = points;
        this.access = access;
        this.exchange = exchange;
        this.clock = clock;
    }

    @Override
    public SubmitResult submitSamples(Caller caller, String system, List<SampleSubmission> submitted) {
        if (submitted == null || submitted.isEmpty()) {
            throw new IllegalArgumentException("no readings submitted");
        }
        if (submitted.size() > MAX_SAMPLES) {
            throw new IllegalArgumentException("at most " + MAX_SAMPLES + " readings per call, not " + submitted.size());
        }
        Instant latest = clock.instant().plus(MAX_FUTURE);
        List<Sample> accepted = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        // a call carries many readings of few points: each point is looked up and scope-checked once
        Map<String, Boolean> visible = new HashMap<>();
        for (int i = 0; i < submitted.size(); i++) {
            SampleSubmission s = submitted.get(i);
            String problem = problem(caller, s, latest, visible);
            if (problem != null) {
                refused.add(new Refusal(i, s == null ? null : s.pointId(), problem));
                continue;
            }
            accepted.add(new Sample(s.pointId(), s.time(), s.value(), quality(s.quality())));
        }
        if (!accepted.isEmpty()) {
            ingest.publish(accepted);
        }
        logger.debug("{} of {} readings from {} ({}) accepted", accepted.size(), submitted.size(), system, caller.username());
        return new SubmitResult(accepted.size(), refused);
    }

    private String problem(Caller caller, SampleSubmission s, Instant latest, Map<String, Boolean> visible) {
        if (s == null || s.pointId() == null || s.pointId().isBlank()) {
            return "the point id is missing";
        }
        if (!known(caller, s.pointId(), visible)) {
            return "no point " + s.pointId() + " here";
        }
        if (s.time() == null) {
            return "the time is missing";
        }
        if (s.time().isAfter(latest)) {
            return "the time " + s.time() + " is in the future: set the system's clock";
        }
        if (s.value() == null || !Double.isFinite(s.value())) {
            return "the value is missing or not a finite number";
        }
        if (s.quality() != null && !s.quality().isBlank()) {
            try {
                quality(s.quality());
            } catch (IllegalArgumentException e) {
                return "the quality must be GOOD, UNCERTAIN or BAD, not " + s.quality();
            }
        }
        return null;
    }

    /** Whether the point is here and in the caller's scope; a call names few points many times, so each is looked up once. */
    private boolean known(Caller caller, String pointId, Map<String, Boolean> visible) {
        return visible.computeIfAbsent(pointId, id -> {
            Optional<MonitoringPoint> point = points.findById(id);
            return point.isPresent() && access.sees(caller, point.get().enterpriseCode());
        });
    }

    private static Quality quality(String text) {
        return text == null || text.isBlank() ? Quality.GOOD : Quality.valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public RegistrationResult submitRegistration(Caller caller, String system, List<Enterprise> enterprises, List<SourceOfEnterprise> sources,
            boolean dryRun) {
        if (!caller.has(Permission.REGISTRY_EDIT)) {
            throw new SecurityException("this needs the permission " + Permission.REGISTRY_EDIT.code());
        }
        List<Enterprise> givenEnterprises = enterprises == null ? List.of() : enterprises.stream().map(this::withIndustryGroup).toList();
        List<SourceOfEnterprise> givenSources = sources == null ? List.of() : sources;
        int items = givenEnterprises.size() + givenSources.size();
        if (items == 0) {
            throw new IllegalArgumentException("no enterprises or hazard sources submitted");
        }
        if (items > MAX_REGISTRATION_ITEMS) {
            throw new IllegalArgumentException("at most " + MAX_REGISTRATION_ITEMS + " enterprises and hazard sources per call, not " + items);
        }
        List<RegistrationError> errors = new ArrayList<>();
        for (int i = 0; i < givenEnterprises.size(); i++) {
            if (givenEnterprises.get(i) == null) {
                errors.add(new RegistrationError("enterprise", i, "", "REQUIRED", "an empty enterprise"));
            }
        }
        for (int i = 0; i < givenSources.size(); i++) {
            SourceOfEnterprise s = givenSources.get(i);
            if (s == null || s.source() == null) {
                errors.add(new RegistrationError("hazardSource", i, "", "REQUIRED", "an empty hazard source"));
            } else if (s.enterpriseUscc() == null || s.enterpriseUscc().isBlank()) {
                errors.add(new RegistrationError("hazardSource", i, "enterprise", "REQUIRED", "the enterprise's USCC is required"));
            }
        }
        if (!errors.isEmpty()) {
            return new RegistrationResult(false, dryRun, 0, 0, 0, 0, errors);
        }
        String actor = "integration:" + system + "/" + caller.username();
        RegistryBatchWriter.Outcome outcome = registry.write(givenEnterprises, givenSources, dryRun, actor.length() > 64 ? actor.substring(0, 64)
                : actor, caller.scope());
        outcome.enterpriseErrors().forEach((index, fields) -> fields.forEach(f -> errors.add(new RegistrationError("enterprise", index,
                f.field(), f.code(), f.message()))));
        outcome.sourceErrors().forEach((index, fields) -> fields.forEach(f -> errors.add(new RegistrationError("hazardSource", index,
                f.field(), f.code(), f.message()))));
        errors.sort(Comparator.comparing(RegistrationError::item).thenComparingInt(RegistrationError::index));
        if (outcome.applied() && !dryRun) {
            audit.append(new AuditEntry.Draft(caller.username(), null, null, null, "integration.registration", "registry", null, "OK", null,
                    null, outcome.enterprisesCreated() + " enterprises created, " + outcome.enterprisesUpdated() + " updated; "
                            + outcome.sourcesCreated() + " hazard sources created, " + outcome.sourcesUpdated() + " updated, from " + system));
        }
        logger.info("Registration from {} ({}): applied {}, {} errors", system, caller.username(), outcome.applied(), errors.size());
        return new RegistrationResult(outcome.applied(), dryRun, outcome.enterprisesCreated(), outcome.enterprisesUpdated(),
                outcome.sourcesCreated(), outcome.sourcesUpdated(), errors);
    }

    @Override
    public SubmitResult submitAlarms(Caller caller, String system, List<AlarmSubmission> submitted) {
        if (submitted == null || submitted.isEmpty()) {
            throw new IllegalArgumentException("no alarms submitted");
        }
        if (submitted.size() > MAX_ALARMS) {
            throw new IllegalArgumentException("at most " + MAX_ALARMS + " alarms per call, not " + submitted.size());
        }
        String source = system.length() > 64 ? system.substring(0, 64) : system;
        String actor = "integration:" + source;
        Instant latest = clock.instant().plus(MAX_FUTURE);
        Map<String, Boolean> visible = new HashMap<>();
        List<Refusal> refused = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < submitted.size(); i++) {
            AlarmSubmission a = submitted.get(i);
            String problem = alarmProblem(caller, a, latest, visible);
            if (problem == null) {
                problem = applyAlarm(source, actor, a);
            }
            if (problem != null) {
                refused.add(new Refusal(i, a == null ? null : a.pointId(), problem));
            } else {
                accepted++;
            }
        }
        logger.debug("{} of {} alarms from {} ({}) accepted", accepted, submitted.size(), system, caller.username());
        return new SubmitResult(accepted, refused);
    }

    private String alarmProblem(Caller caller, AlarmSubmission a, Instant latest, Map<String, Boolean> visible) {
        if (a == null || a.pointId() == null || a.pointId().isBlank()) {
            return "the point id is missing";
        }
        if (!known(caller, a.pointId(), visible)) {
            return "no point " + a.pointId() + " here";
        }
        if (word(a.kind(), AlarmKind.class) == null) {
            return "the kind must be one of " + java.util.Arrays.toString(AlarmKind.values()) + ", not " + a.kind();
        }
        if (!"ACTIVE".equalsIgnoreCase(strip(a.state())) && !"RETURNED".equalsIgnoreCase(strip(a.state()))) {
            return "the state must be ACTIVE or RETURNED, not " + a.state();
        }
        if (a.priority() != null && !a.priority().isBlank() && word(a.priority(), AlarmPriority.class) == null) {
            return "the priority must be HIGH, MEDIUM or LOW, not " + a.priority();
        }
        if (a.time() == null) {
            return "the time is missing";
        }
        if (a.time().isAfter(latest)) {
            return "the time " + a.time() + " is in the future: set the system's clock";
        }
        boolean fault = word(a.kind(), AlarmKind.class) == AlarmKind.FAULT;
        if ("ACTIVE".equalsIgnoreCase(strip(a.state())) && !fault && (a.value() == null || !Double.isFinite(a.value()))) {
            return "an activation needs the value (a finite number)";
        }
        if ((a.value() != null && !Double.isFinite(a.value())) || (a.limit() != null && !Double.isFinite(a.limit()))) {
            return "the value and the limit must be finite numbers";
        }
        return null;
    }

    /** Applies one checked submission to the system's open occurrence; answers why not, or null. */
    private String applyAlarm(String system, String actor, AlarmSubmission a) {
        AlarmKind kind = word(a.kind(), AlarmKind.class);
        Optional<Alarm> open = alarms.openFromSystem(system, a.pointId(), kind);
        double value = a.value() == null ? 0 : a.value();
        double limit = a.limit() == null ? 0 : a.limit();
        if ("ACTIVE".equalsIgnoreCase(strip(a.state()))) {
            AlarmPriority priority = a.priority() == null || a.priority().isBlank() ? defaultPriority(kind) : word(a.priority(), AlarmPriority.class);
            Alarm next;
            if (open.isEmpty()) {
                next = Alarm.activated(a.pointId(), kind, priority, value, limit, a.time(), false);
            } else if (!open.get().state().isActive()) {
                if (a.time().isBefore(open.get().clearedAt())) {
                    return "activated again at " + a.time() + ", before its return at " + open.get().clearedAt();
                }
                next = open.get().reactivated(value, limit, priority);
            } else {
                return null; // already active: the system repeats its state, nothing changes
            }
            record(system, next, AlarmEventType.ACTIVATED, a.time(), actor, value);
            return null;
        }
        if (open.isEmpty() || !open.get().state().isActive()) {
            return null; // nothing active to return: a repeated return changes nothing
        }
        if (a.time().isBefore(open.get().raisedAt())) {
            return "returned at " + a.time() + ", before it was raised at " + open.get().raisedAt();
        }
        record(system, open.get().returned(a.time()), AlarmEventType.RETURNED, a.time(), actor, a.value());
        return null;
    }

    private void record(String system, Alarm alarm, AlarmEventType type, Instant at, String actor, Double value) {
        Alarm stored = alarms.recordFromSystem(system, alarm, new AlarmEvent(0, alarm.id(), alarm.pointId(), alarm.kind(), alarm.priority(),
                type, alarm.state(), at, actor, null, value, type == AlarmEventType.ACTIVATED));
        if (live != null) {
            live.publish(new LiveEvent(LiveEvent.ALARM, stored.pointId(), stored));
        }
    }

    private static AlarmPriority defaultPriority(AlarmKind kind) {
        return kind == AlarmKind.HIGH_HIGH || kind == AlarmKind.LOW_LOW || kind == AlarmKind.FAULT ? AlarmPriority.HIGH : AlarmPriority.MEDIUM;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static <E extends Enum<E>> E word(String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A local system need not know the registry's industry groups: the group of the GB/T 4754 class is taken. */
    private Enterprise withIndustryGroup(Enterprise e) {
        if (e == null || e.industryGroup() != null || e.industryCode() == null) {
            return e;
        }
        IndustryGroup group = industryGroups.apply(e.industryCode());
        return group == null ? e : new Enterprise(e.id(), e.uscc(), e.name(), e.regionCode(), e.regionName(), e.parkCode(), e.industryCode(),
                group, e.address(), e.longitude(), e.latitude(), e.contactName(), e.contactPhone(), e.status(), e.createdAt(), e.updatedAt());
    }

    @Override
    public List<ExchangeCommand> commands(Caller caller, Instant since, int limit) {
        Instant from = since == null ? Instant.EPOCH : since;
        return exchange.commands(Math.max(1, Math.min(500, limit))).stream()
                .filter(c -> !c.requestedAt().isBefore(from))
                .filter(c -> access.sees(caller, c.enterpriseCode()))
                .sorted(Comparator.comparing(ExchangeCommand::requestedAt))
                .toList();
    }
}
