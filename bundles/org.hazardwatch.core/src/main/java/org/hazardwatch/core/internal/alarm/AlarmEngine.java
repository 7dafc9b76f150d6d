package org.hazardwatch.core.internal.alarm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.hazardwatch.api.alarm.AlarmDefinition;
import org.hazardwatch.api.alarm.AlarmEvaluator;
import org.hazardwatch.api.alarm.AlarmEvent;
import org.hazardwatch.api.alarm.AlarmEventType;
import org.hazardwatch.api.alarm.AlarmLimit;
import org.hazardwatch.api.alarm.AlarmMode;
import org.hazardwatch.api.alarm.AlarmQuery;
import org.hazardwatch.api.alarm.AlarmService;
import org.hazardwatch.api.live.LiveEvent;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.AlarmState;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.QualityReason;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.store.AlarmStore;
import org.hazardwatch.api.store.AlarmStore.Shelving;

/**
 * The alarm engine: evaluates every stored sample against its point's alarm definition and runs each alarm through the
 * ISA-18.2 lifecycle.
 * <ul>
 * <li>Each limit of a point (low-low, low, high, high-high, rate of change) is an alarm of its own, so a high-high
 * occurrence does not hide the high one and KPIs count each.</li>
 * <li>Conditions use the deadband (a high alarm enters at {@code v >= high}, stays while {@code v > high - deadband})
 * and the delays, measured in source time: the condition must hold for delay-on before the alarm activates, and be
 * gone for delay-off before it returns. Samples older than the last evaluated one of their point (a backlog arriving
 * late) are stored but do not drive the state machines, which need time to move forward.</li>
 * <li>Invalid readings (the data-quality filter's BAD with a reason other than a timestamp problem) raise an
 * instrument fault and leave process alarms as they are; uncertain readings change nothing.</li>
 * <li>Shelving is per point and kind, timed; suppression by design and out-of-service come from the definition's
 * mode.</li>
 * </ul>
 * Every transition is written with a journal event in one transaction, then published live. Methods are synchronized:
 * evaluation runs on the ingest consumer, operator actions on HTTP threads, and both move the same state machines.
 */
public class AlarmEngine implements AlarmEvaluator, AlarmService {

    private static final List<AlarmKind> PROCESS_KINDS = List.of(AlarmKind.LOW_LOW, AlarmKind.LOW, AlarmKind.HIGH,
            AlarmKind.HIGH_HIGH, AlarmKind.RATE_OF_CHANGE);
    static final AlarmPriority FAULT_PRIORITY = AlarmPriority.MEDIUM;

    private final Function<String, Optional<MonitoringPoint>> points;
    private final Function<MonitoringPoint, AlarmDefinition> definitions;
    private final AlarmStore store;
    private final Clock clock;
    private final Consumer<LiveEvent> live;
    private final Map<String, PointState> states = new HashMap<>();
    private final Map<String, Map<AlarmKind, Shelving>> shelvings = new HashMap<>();
    /** When the engine last evaluated samples (wall clock); a long pause means another node may have been active. */
    private Instant lastEvaluation;

    /**
     * After a pause this long the open alarms are read from the store again before evaluating: a standby node taking
     * over (its engine evaluated nothing while the other node raised and acknowledged alarms) continues the other
     * node's occurrences instead of opening second ones.
     */
    static final Duration RESYNC_AFTER = Duration.ofSeconds(60);

    /** One alarm (point and kind): its open occurrence and the timers of its condition. */
    private static final class Slot {
        Alarm open;
        Instant conditionSince;
        Instant normalSince;
    }

    private static final class PointState {
        final Map<AlarmKind, Slot> slots = new EnumMap<>(AlarmKind.class);
        final ArrayDeque<Sample> window = new ArrayDeque<>();
        final Trend trend = new Trend();
        Instant lastEvaluated;
        AlarmMode mode = AlarmMode.IN_SERVICE;

        Slot slot(AlarmKind kind) {
            return slots.computeIfAbsent(kind, k -> new Slot());
        }
    }

    public AlarmEngine(Function<String, Optional<MonitoringPoint>> points,
            Function<MonitoringPoint, AlarmDefinition> definitions, AlarmStore store, Clock clock, Consumer<LiveEvent> live) {
        this.points = points;
        this.definitions = definitions;
        this.store = store;
        this.clock = clock;
        this.live = live;
        loadOpenAlarms();
        this.lastEvaluation = clock.instant();
    }

    /** The store's open occurrences and shelvings become the engine's (timers of conditions stay). */
    private void loadOpenAlarms() {
        states.values().forEach(state -> state.slots.values().forEach(slot -> slot.open = null));
        for (Alarm alarm : store.openOwn()) {
            PointState state = states.computeIfAbsent(alarm.pointId(), id -> new PointState());
            state.slot(alarm.kind()).open = alarm;
            if (alarm.suppressed()) {
                state.mode = AlarmMode.SUPPRESSED;
            }
        }
        shelvings.clear();
        shelvings.putAll(store.shelvings());
    }

    // ---------------------------------------------------------------- evaluation

    @Override
    public synchronized void evaluate(List<Sample> storedSamples) {
        Instant now = clock.instant();
        if (Duration.between(lastEvaluation, now).compareTo(RESYNC_AFTER) > 0) {
            loadOpenAlarms();
        }
        lastEvaluation = now;
        for (Sample sample : storedSamples) {
            Optional<MonitoringPoint> point = points.apply(sample.pointId());
            if (point.isEmpty()) {
                continue;
            }
            live.accept(new LiveEvent(LiveEvent.SAMPLE, sample.pointId(), sample));
            PointState state = states.computeIfAbsent(sample.pointId(), id -> new PointState());
            AlarmDefinition definition = definitions.apply(point.get());
            applyMode(point.get().id(), state, definition);
            if (definition.mode() == AlarmMode.OUT_OF_SERVICE) {
                continue;
            }
            if (state.lastEvaluated != null && !sample.timestamp().isAfter(state.lastEvaluated)) {
                continue;
            }
            if (isInstrumentFault(sample)) {
                state.lastEvaluated = sample.timestamp();
                double limit = sample.qualityReason() == QualityReason.OUT_OF_RANGE
                        ? (sample.value() < point.get().rangeLow() ? point.get().rangeLow() : point.get().rangeHigh())
                        : sample.value();
                Slot fault = state.slot(AlarmKind.FAULT);
                if (fault.open == null || !fault.open.state().isActive()) {
                    activate(point.get().id(), AlarmKind.FAULT, fault, new AlarmLimit(limit, FAULT_PRIORITY),
                            Double.isFinite(sample.value()) ? sample.value() : 0.0, sample.timestamp(), definition);
                }
                continue;
            }
            if (sample.quality() != Quality.GOOD) {
                continue;
            }
            state.lastEvaluated = sample.timestamp();
            state.trend.add(sample.timestamp(), sample.value());
            Slot fault = state.slots.get(AlarmKind.FAULT);
            if (fault != null && fault.open != null && fault.open.state().isActive()) {
                returnToNormal(fault, sample.value(), sample.timestamp());
            }
            Double rate = rate(state, sample, definition.rateWindow());
            for (AlarmKind kind : PROCESS_KINDS) {
                evaluate(point.get().id(), kind, state, definition, sample, kind == AlarmKind.RATE_OF_CHANGE ? rate : null);
            }
        }
    }

    /** Whether the data-quality filter found the reading invalid (not merely uncertain or badly timed). */
    static boolean isInstrumentFault(Sample sample) {
        return sample.quality() == Quality.BAD && sample.qualityReason() != null
                && sample.qualityReason() != QualityReason.FUTURE_TIMESTAMP
                && sample.qualityReason() != QualityReason.STALE_TIMESTAMP;
    }

    /**
     * Change per minute over the rate window: from the oldest good sample still inside it to this one; {@code null}
     * until the window holds samples at least a second apart.
     */
    private static Double rate(PointState state, Sample sample, Duration window) {
        state.window.addLast(sample);
        Instant oldest = sample.timestamp().minus(window);
        while (state.window.size() > 1 && state.window.peekFirst().timestamp().isBefore(oldest)) {
            state.window.removeFirst();
        }
        Sample first = state.window.peekFirst();
        long millis = Duration.between(first.timestamp(), sample.timestamp()).toMillis();
        if (millis < 1000) {
            return null;
        }
        return Math.abs(sample.value() - first.value()) * 60_000.0 / millis;
    }

    private void evaluate(String pointId, AlarmKind kind, PointState state, AlarmDefinition definition, Sample sample,
            Double rate) {
        AlarmLimit limit = definition.limit(kind);
        Slot slot = state.slots.get(kind);
        boolean active = slot != null && slot.open != null && slot.open.state().isActive();
        if (limit == null) {
            if (active) { // the limit was removed: nothing left to be in alarm about
                returnToNormal(slot, sample.value(), sample.timestamp());
            }
            if (slot != null) {
                slot.conditionSince = null;
            }
            return;
        }
        double v = kind == AlarmKind.RATE_OF_CHANGE ? (rate == null ? Double.NaN : rate) : sample.value();
        if (Double.isNaN(v)) {
            return;
        }
        boolean condition = condition(kind, v, limit.value(), active ? definition.deadband() : 0);
        if (slot == null) {
            if (!condition) {
                return;
            }
            slot = state.slot(kind);
        }
        Instant t = sample.timestamp();
        if (!active) {
            slot.normalSince = null;
            if (!condition) {
                slot.conditionSince = null;
                return;
            }
            if (slot.conditionSince == null) {
                slot.conditionSince = t;
            }
            if (!Duration.between(slot.conditionSince, t).minus(definition.delayOn()).isNegative()) {
                activate(pointId, kind, slot, limit, v, t, definition);
            }
        } else {
            slot.conditionSince = null;
            if (condition) {
                slot.normalSince = null;
                return;
            }
            if (slot.normalSince == null) {
                slot.normalSince = t;
            }
            if (!Duration.between(slot.normalSince, t).minus(definition.delayOff()).isNegative()) {
                returnToNormal(slot, v, t);
            }
        }
    }

    /**
     * Whether {@code v} is in the alarm condition. The deadband applies only to an active alarm, for its return: rate
     * alarms have none (their delays smooth them).
     */
    static boolean condition(AlarmKind kind, double v, double limit, double deadband) {
        return switch (kind) {
            case HIGH, HIGH_HIGH -> deadband > 0 ? v > limit - deadband : v >= limit;
            case LOW, LOW_LOW -> deadband > 0 ? v < limit + deadband : v <= limit;
            case RATE_OF_CHANGE -> v >= limit;
            case FAULT -> false;
        };
    }

    private void activate(String pointId, AlarmKind kind, Slot slot, AlarmLimit limit, double value, Instant at,
            AlarmDefinition definition) {
        slot.conditionSince = null;
        slot.normalSince = null;
        refresh(slot);
        if (slot.open != null && slot.open.state().isActive()) {
            return;
        }
        boolean suppressed = definition.mode() == AlarmMode.SUPPRESSED;
        Alarm next;
        if (slot.open != null && slot.open.state() == AlarmState.UNACKED_RETURNED) {
            next = slot.open.reactivated(value, limit.value(), limit.priority());
        } else {
            next = Alarm.activated(pointId, kind, limit.priority(), value, limit.value(), at, suppressed);
            Shelving shelving = shelving(pointId, kind);
            if (shelving != null && clock.instant().isBefore(shelving.until())) {
                next = next.shelved(shelving.until(), shelving.reason(), shelving.user());
            }
        }
        slot.open = record(next, AlarmEventType.ACTIVATED, at, AlarmEvent.SYSTEM, null, value,
                next.isAnnunciated(clock.instant()));
    }

    private void returnToNormal(Slot slot, double value, Instant at) {
        slot.normalSince = null;
        refresh(slot);
        if (slot.open == null || !slot.open.state().isActive()) {
            return;
        }
        Alarm returned = record(slot.open.returned(at), AlarmEventType.RETURNED, at, AlarmEvent.SYSTEM, null, value, false);
        slot.open = returned.state() == AlarmState.NORMAL ? null : returned;
    }

    /** Applies a change of the definition's mode to the point's open occurrences. */
    private void applyMode(String pointId, PointState state, AlarmDefinition definition) {
        if (state.mode == definition.mode()) {
            return;
        }
        AlarmMode previous = state.mode;
        state.mode = definition.mode();
        Instant now = clock.instant();
        String reason = definition.modeReason();
        for (Slot slot : state.slots.values()) {
            slot.conditionSince = null;
            slot.normalSince = null;
            refresh(slot);
            if (slot.open == null) {
                continue;
            }
            switch (definition.mode()) {
                case OUT_OF_SERVICE -> {
                    record(slot.open.closedOutOfService(now), AlarmEventType.OUT_OF_SERVICE, now, AlarmEvent.SYSTEM,
                            reason, null, false);
                    slot.open = null;
                }
                case SUPPRESSED -> slot.open = record(slot.open.withSuppressed(true), AlarmEventType.SUPPRESSED, now,
                        AlarmEvent.SYSTEM, reason, null, false);
                case IN_SERVICE -> {
                    if (previous == AlarmMode.SUPPRESSED) {
                        slot.open = record(slot.open.withSuppressed(false), AlarmEventType.UNSUPPRESSED, now,
                                AlarmEvent.SYSTEM, null, null, false);
                    }
                }
            }
        }
        state.window.clear();
        state.lastEvaluated = null;
        if (state.slots.values().stream().allMatch(slot -> slot.open == null)) {
            state.slots.clear();
        }
    }

    /** Makes a definition change take effect now rather than at the point's next sample. */
    public synchronized void definitionChanged(String pointId) {
        points.apply(pointId).ifPresent(point -> applyMode(pointId, states.computeIfAbsent(pointId, id -> new PointState()),
                definitions.apply(point)));
    }

    /** Ends shelvings whose time ran out; the component calls it every few seconds. */
    public synchronized void tick() {
        Instant now = clock.instant();
        for (PointState state : states.values()) {
            for (Slot slot : state.slots.values()) {
                if (slot.open != null && slot.open.shelvedUntil() != null && !now.isBefore(slot.open.shelvedUntil())
                        && refresh(slot) != null && slot.open.shelvedUntil() != null) {
                    slot.open = record(slot.open.shelved(null, null, null), AlarmEventType.UNSHELVED, now,
                            AlarmEvent.SYSTEM, "shelving expired", null, false);
                    if (slot.open.state() == AlarmState.NORMAL) {
                        slot.open = null;
                    }
                }
            }
        }
        List<Shelving> expired = new ArrayList<>();
        shelvings.values().forEach(byKind -> byKind.values().stream()
                .filter(shelving -> !now.isBefore(shelving.until())).forEach(expired::add));
        for (Shelving shelving : expired) {
            store.shelve(shelving.pointId(), shelving.kind(), null, null, null);
            removeShelving(shelving.pointId(), shelving.kind());
        }
    }

    // ---------------------------------------------------------------- early warning

    /** A trend needs this fit (share of the variance a straight line explains) before it predicts a crossing. */
    static final double MIN_FIT = 0.6;

    /**
     * Points whose trend reaches a limit within {@code horizon}: for each point the nearest limit ahead in the trend's
     * direction whose alarm is not already active. Trends older than the window (no recent samples) predict nothing.
     */
    public synchronized List<org.hazardwatch.api.warning.TrendPrediction> predictions(Duration horizon) {
        Instant now = clock.instant();
        List<org.hazardwatch.api.warning.TrendPrediction> predictions = new ArrayList<>();
        for (Map.Entry<String, PointState> entry : states.entrySet()) {
            PointState state = entry.getValue();
            if (state.mode == AlarmMode.OUT_OF_SERVICE || now.getEpochSecond() - state.trend.lastSecond() > Trend.WINDOW.toSeconds()) {
                continue;
            }
            double[] fit = state.trend.fit(now);
            if (fit == null || fit[1] < MIN_FIT || fit[0] == 0) {
                continue;
            }
            Optional<MonitoringPoint> point = points.apply(entry.getKey());
            if (point.isEmpty()) {
                continue;
            }
            AlarmDefinition definition = definitions.apply(point.get());
            double value = state.trend.lastValue();
            double slope = fit[0];
            org.hazardwatch.api.warning.TrendPrediction nearest = null;
            for (AlarmKind kind : slope > 0 ? List.of(AlarmKind.HIGH, AlarmKind.HIGH_HIGH) : List.of(AlarmKind.LOW, AlarmKind.LOW_LOW)) {
                AlarmLimit limit = definition.limit(kind);
                Slot slot = state.slots.get(kind);
                if (limit == null || (slot != null && slot.open != null && slot.open.state().isActive())) {
                    continue;
                }
                double seconds = (limit.value() - value) / slope;
                if (seconds <= 0 || seconds > horizon.toSeconds()) {
                    continue;
                }
                if (nearest == null || seconds < nearest.minutesToLimit() * 60) {
                    nearest = new org.hazardwatch.api.warning.TrendPrediction(entry.getKey(), kind, limit.value(), value,
                            slope * 60, fit[1], now.plusSeconds((long) seconds), seconds / 60);
                }
            }
            if (nearest != null) {
                predictions.add(nearest);
            }
        }
        predictions.sort(java.util.Comparator.comparingDouble(org.hazardwatch.api.warning.TrendPrediction::minutesToLimit));
        return predictions;
    }

    // ---------------------------------------------------------------- operator actions

    @Override
    public synchronized Alarm acknowledge(long alarmId, String user, String comment) {
        if (store.sourceSystemOf(alarmId).isPresent()) {
            // a local system's alarm: acknowledged here, but never taken into the engine's slots (the system returns it)
            Alarm alarm = store.find(alarmId).orElseThrow(() -> new NoSuchElementException("no alarm " + alarmId));
            if (!alarm.state().isOpen()) {
                throw new IllegalStateException("alarm " + alarmId + " is over (" + alarm.state() + " since " + alarm.closedAt() + ")");
            }
            if (!alarm.state().isUnacknowledged()) {
                throw new IllegalStateException("alarm " + alarmId + " is already acknowledged (by " + alarm.acknowledgedBy() + ")");
            }
            Instant now = clock.instant();
            return record(alarm.acknowledged(user, now), AlarmEventType.ACKNOWLEDGED, now, user, blankToNull(comment), null, false);
        }
        Slot slot = openSlot(alarmId);
        Alarm alarm = slot.open;
        if (!alarm.state().isUnacknowledged()) {
            throw new IllegalStateException("alarm " + alarmId + " is already acknowledged (by " + alarm.acknowledgedBy() + ")");
        }
        Instant now = clock.instant();
        Alarm acknowledged = record(alarm.acknowledged(user, now), AlarmEventType.ACKNOWLEDGED, now, user,
                blankToNull(comment), null, false);
        slot.open = acknowledged.state() == AlarmState.NORMAL ? null : acknowledged;
        return acknowledged;
    }

    @Override
    public synchronized Alarm shelve(long alarmId, Duration duration, String reason, String user) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to shelve an alarm");
        }
        if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(MAX_SHELVE) > 0) {
            throw new IllegalArgumentException("an alarm can be shelved for more than 0 and at most " + MAX_SHELVE.toHours()
                    + " hours, not " + duration);
        }
        Slot slot = openSlot(alarmId);
        Instant now = clock.instant();
        Instant until = now.plus(duration);
        String why = reason.strip();
        store.shelve(slot.open.pointId(), slot.open.kind(), until, why, user);
        shelvings.computeIfAbsent(slot.open.pointId(), id -> new EnumMap<>(AlarmKind.class)).put(slot.open.kind(),
                new Shelving(slot.open.pointId(), slot.open.kind(), until, why, user));
        slot.open = record(slot.open.shelved(until, why, user), AlarmEventType.SHELVED, now, user,
                why + " (until " + until + ")", null, false);
        return slot.open;
    }

    @Override
    public synchronized Alarm unshelve(long alarmId, String user) {
        Slot slot = openSlot(alarmId);
        if (!slot.open.isShelved(clock.instant())) {
            throw new IllegalStateException("alarm " + alarmId + " is not shelved");
        }
        store.shelve(slot.open.pointId(), slot.open.kind(), null, null, null);
        removeShelving(slot.open.pointId(), slot.open.kind());
        slot.open = record(slot.open.shelved(null, null, null), AlarmEventType.UNSHELVED, clock.instant(), user, null,
                null, false);
        return slot.open;
    }

    /** The slot of an open occurrence, with the stored copy; explains why when there is none. */
    private Slot openSlot(long alarmId) {
        for (PointState state : states.values()) {
            for (Slot slot : state.slots.values()) {
                if (slot.open != null && slot.open.id() == alarmId && refresh(slot) != null) {
                    return slot;
                }
            }
        }
        Alarm stored = store.find(alarmId).orElseThrow(() -> new NoSuchElementException("no alarm " + alarmId));
        java.util.Optional<String> system = store.sourceSystemOf(alarmId);
        if (system.isPresent()) {
            throw new IllegalStateException("alarm " + alarmId + " was reported by the local system " + system.get()
                    + ": shelve it there");
        }
        java.util.Optional<String> origin = store.originOf(alarmId);
        if (origin.isPresent()) {
            throw new IllegalStateException("alarm " + alarmId + " was raised at node " + origin.get()
                    + ": it is acknowledged and shelved there, this is its copy");
        }
        if (stored.state().isOpen()) {
            // raised by the other node of a failover pair since this engine last read the store
            Slot slot = states.computeIfAbsent(stored.pointId(), id -> new PointState()).slot(stored.kind());
            slot.open = stored;
            return slot;
        }
        throw new IllegalStateException("alarm " + alarmId + " is over (" + stored.state() + " since "
                + stored.closedAt() + ")");
    }

    /**
     * Replaces the slot's copy of its occurrence with the stored one before a transition: the other node of a failover
     * pair serves the API too, so an operator may have acknowledged or shelved it there. Transitions are rare, so the
     * read costs little. An occurrence over in the store leaves the slot empty.
     */
    private Alarm refresh(Slot slot) {
        if (slot.open == null || slot.open.id() == 0) {
            return slot.open;
        }
        Alarm stored = store.find(slot.open.id()).orElse(null);
        slot.open = stored != null && stored.state().isOpen() ? stored : null;
        return slot.open;
    }

    private Shelving shelving(String pointId, AlarmKind kind) {
        Map<AlarmKind, Shelving> byKind = shelvings.get(pointId);
        return byKind == null ? null : byKind.get(kind);
    }

    private void removeShelving(String pointId, AlarmKind kind) {
        Map<AlarmKind, Shelving> byKind = shelvings.get(pointId);
        if (byKind != null) {
            byKind.remove(kind);
            if (byKind.isEmpty()) {
                shelvings.remove(pointId);
            }
        }
    }

    private Alarm record(Alarm alarm, AlarmEventType type, Instant at, String actor, String comment, Double value,
            boolean annunciated) {
        Alarm stored = store.record(alarm, new AlarmEvent(0, alarm.id(), alarm.pointId(), alarm.kind(), alarm.priority(),
                type, alarm.state(), at, actor, comment, value, annunciated));
        live.accept(new LiveEvent(LiveEvent.ALARM, stored.pointId(), stored));
        return stored;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // ---------------------------------------------------------------- queries

    @Override
    public Page<Alarm> search(AlarmQuery query) {
        return store.search(query);
    }

    @Override
    public Optional<Alarm> find(long alarmId) {
        return store.find(alarmId);
    }

    @Override
    public List<AlarmEvent> history(long alarmId) {
        return store.history(alarmId);
    }
}
