package org.hazardwatch.core.internal.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hazardwatch.api.alarm.AlarmEvent;
import org.hazardwatch.api.alarm.AlarmEventType;
import org.hazardwatch.api.alarm.AlarmKpis;
import org.hazardwatch.api.alarm.AlarmKpis.AlarmCount;
import org.hazardwatch.api.alarm.AlarmKpis.Flood;
import org.hazardwatch.api.alarm.AlarmKpis.StaleAlarm;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmCategory;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;

/**
 * Computes {@link AlarmKpis} from the alarm journal of one group of points. The figures follow ISA-18.2 (flood: more
 * than 10 alarms in 10 minutes, over when fewer than 5 remain in the trailing 10 minutes) and EEMUA 191 (chattering:
 * 3 or more activations of one alarm within 60 seconds; stale: active for more than 24 hours).
 */
public final class AlarmKpiCalculator {

    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int FLOOD_START_ABOVE = 10;
    static final int FLOOD_END_BELOW = 5;
    static final Duration CHATTER_WINDOW = Duration.ofSeconds(60);
    static final int CHATTER_COUNT = 3;
    static final Duration STALE_AFTER = Duration.ofHours(24);
    static final int BAD_ACTORS = 10;

    private AlarmKpiCalculator() {
    }

    /**
     * @param events journal events of the group's points in {@code [from, to)}, in time order
     * @param open the group's open occurrences (for stale alarms)
     * @param pointNames names of the group's points
     */
    public static AlarmKpis compute(String groupBy, String code, String name, Instant from, Instant to,
            List<AlarmEvent> events, List<Alarm> open, Function<String, String> pointNames) {
        List<AlarmEvent> activations = events.stream().filter(e -> e.type() == AlarmEventType.ACTIVATED).toList();
        List<AlarmEvent> annunciated = activations.stream()
                .filter(e -> e.kind().category() == AlarmCategory.PROCESS && e.annunciated())
                .sorted(Comparator.comparing(AlarmEvent::at)).toList();
        long notAnnunciated = activations.stream().filter(e -> e.kind().category() == AlarmCategory.PROCESS && !e.annunciated())
                .count();
        long faults = activations.stream().filter(e -> e.kind() == AlarmKind.FAULT).count();
        List<Instant> times = annunciated.stream().map(AlarmEvent::at).toList();
        double periodMinutes = Math.max(1, Duration.between(from, to).toSeconds() / 60.0);
        List<Flood> floods = floods(times, to);
        long floodSeconds = floods.stream().mapToLong(f -> Duration.between(f.start(), f.end()).toSeconds()).sum();
        return new AlarmKpis(groupBy, code, name, from, to, annunciated.size(), notAnnunciated, faults,
                annunciated.size() / (periodMinutes / (24 * 60)), annunciated.size() / (periodMinutes / 10),
                peakPerWindow(times), floodSeconds / (periodMinutes * 60), floods,
                chattering(activations, pointNames), stale(open, to, pointNames), badActors(annunciated, pointNames),
                priorityShares(annunciated));
    }

    /** The most timestamps in any window of 10 minutes (two pointers over the sorted times). */
    static long peakPerWindow(List<Instant> times) {
        long peak = 0;
        int first = 0;
        for (int last = 0; last < times.size(); last++) {
            while (!times.get(first).plus(WINDOW).isAfter(times.get(last))) {
                first++;
            }
            peak = Math.max(peak, last - first + 1);
        }
        return peak;
    }

    /**
     * Flood periods over sorted alarm times. The trailing 10-minute count rises at each alarm and falls when an alarm
     * leaves the window; a flood starts when the count exceeds 10 and ends when it falls below 5 (or at the end of the
     * period).
     */
    static List<Flood> floods(List<Instant> times, Instant periodEnd) {
        List<Flood> floods = new ArrayList<>();
        int departures = 0; // index of the next alarm to leave the window
        int count = 0;
        Instant start = null;
        long inFlood = 0;
        long peak = 0;
        for (int i = 0; i <= times.size(); i++) {
            Instant arrival = i < times.size() ? times.get(i) : periodEnd;
            // alarms leaving the window before this arrival (an alarm at e counts for (e - 10 min, e])
            while (departures < i && !times.get(departures).plus(WINDOW).isAfter(arrival)) {
                Instant leaving = times.get(departures).plus(WINDOW);
                departures++;
                count--;
                if (start != null && count < FLOOD_END_BELOW) {
                    floods.add(new Flood(start, leaving, inFlood, peak));
                    start = null;
                }
            }
            if (i == times.size()) {
                break;
            }
            count++;
            if (start == null && count > FLOOD_START_ABOVE) {
                start = arrival;
                inFlood = 0;
                peak = 0;
            }
            if (start != null) {
                inFlood++;
                peak = Math.max(peak, count);
            }
        }
        if (start != null) {
            floods.add(new Flood(start, periodEnd, inFlood, peak));
        }
        return floods;
    }

    /** Alarms with 3 or more activations within any 60 s, with their activations in the period. */
    static List<AlarmCount> chattering(List<AlarmEvent> activations, Function<String, String> pointNames) {
        Map<String, List<Instant>> byAlarm = new LinkedHashMap<>();
        Map<String, AlarmEvent> sample = new HashMap<>();
        for (AlarmEvent e : activations) {
            if (e.kind().category() != AlarmCategory.PROCESS) {
                continue;
            }
            String key = e.pointId() + "/" + e.kind();
            byAlarm.computeIfAbsent(key, k -> new ArrayList<>()).add(e.at());
            sample.putIfAbsent(key, e);
        }
        long total = activations.size();
        List<AlarmCount> chattering = new ArrayList<>();
        for (Map.Entry<String, List<Instant>> entry : byAlarm.entrySet()) {
            List<Instant> times = entry.getValue().stream().sorted().toList();
            for (int i = 0; i + CHATTER_COUNT - 1 < times.size(); i++) {
                if (Duration.between(times.get(i), times.get(i + CHATTER_COUNT - 1)).compareTo(CHATTER_WINDOW) <= 0) {
                    AlarmEvent e = sample.get(entry.getKey());
                    chattering.add(new AlarmCount(e.pointId(), pointNames.apply(e.pointId()), e.kind(), times.size(),
                            share(times.size(), total)));
                    break;
                }
            }
        }
        chattering.sort(Comparator.comparingLong(AlarmCount::activations).reversed());
        return chattering;
    }

    static List<StaleAlarm> stale(List<Alarm> open, Instant at, Function<String, String> pointNames) {
        List<StaleAlarm> stale = new ArrayList<>();
        for (Alarm a : open) {
            if (a.state().isActive() && a.category() == AlarmCategory.PROCESS
                    && !Duration.between(a.raisedAt(), at).minus(STALE_AFTER).isNegative()) {
                stale.add(new StaleAlarm(a.id(), a.pointId(), pointNames.apply(a.pointId()), a.kind(), a.raisedAt(),
                        Duration.between(a.raisedAt(), at).toMinutes() / 60.0));
            }
        }
        stale.sort(Comparator.comparing(StaleAlarm::activeSince));
        return stale;
    }

    static List<AlarmCount> badActors(List<AlarmEvent> annunciated, Function<String, String> pointNames) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, AlarmEvent> sample = new HashMap<>();
        for (AlarmEvent e : annunciated) {
            String key = e.pointId() + "/" + e.kind();
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            sample.putIfAbsent(key, e);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, long[]>comparingByValue(Comparator.comparingLong(c -> -c[0]))
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(BAD_ACTORS)
                .map(entry -> {
                    AlarmEvent e = sample.get(entry.getKey());
                    return new AlarmCount(e.pointId(), pointNames.apply(e.pointId()), e.kind(), entry.getValue()[0],
                            share(entry.getValue()[0], annunciated.size()));
                })
                .toList();
    }

    static Map<String, Double> priorityShares(List<AlarmEvent> annunciated) {
        Map<AlarmPriority, Long> counts = new EnumMap<>(AlarmPriority.class);
        for (AlarmPriority p : AlarmPriority.values()) {
            counts.put(p, 0L);
        }
        annunciated.forEach(e -> counts.merge(e.priority(), 1L, Long::sum));
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.forEach((p, n) -> shares.put(p.name(), share(n, annunciated.size())));
        return shares;
    }

    private static double share(long part, long total) {
        return total == 0 ? 0 : (double) part / total;
    }
}
