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

import org.hazardwatch.api.exchange.ExchangeCommand;
import org.hazardwatch.api.exchange.ExchangeStore;
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
    private final Clock clock;

    public IntakeService(SampleSink ingest, PointRepository points, AccessControl access, ExchangeStore exchange, Clock clock) {
        this.ingest = ingest;
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
        boolean known = visible.computeIfAbsent(s.pointId(), id -> {
            Optional<MonitoringPoint> point = points.findById(id);
            return point.isPresent() && access.sees(caller, point.get().enterpriseCode());
        });
        if (!known) {
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

    private static Quality quality(String text) {
        return text == null || text.isBlank() ? Quality.GOOD : Quality.valueOf(text.strip().toUpperCase(Locale.ROOT));
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
