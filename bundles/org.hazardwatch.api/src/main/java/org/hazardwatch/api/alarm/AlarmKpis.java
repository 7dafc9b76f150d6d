package org.hazardwatch.api.alarm;

import java.time.Instant;
import java.util.List;

import org.hazardwatch.api.model.AlarmKind;

/**
 * Alarm system performance of one group of points (an enterprise, or a county) over a period, as ISA-18.2 and
 * EEMUA 191 define it. Counts are of annunciated process alarm activations (what an operator had to deal with):
 * shelved and suppressed activations and instrument faults are counted apart. One enterprise is taken to be one
 * operator position.
 *
 * @param groupBy {@code enterprise} or {@code county}
 * @param code the enterprise's code (USCC) or the county's region code
 * @param name its name, when known
 * @param from start of the period
 * @param to end of the period
 * @param annunciated annunciated process alarm activations
 * @param notAnnunciated process alarm activations while shelved or suppressed
 * @param instrumentFaults instrument fault activations
 * @param perDay average annunciated alarms per day (EEMUA 191: about 150 acceptable, 300 manageable)
 * @param averagePer10Minutes average per 10 minutes (about 1 acceptable, 2 manageable)
 * @param peakPer10Minutes the most alarms in any 10-minute window
 * @param floodShare share of the period spent in alarm floods (ISA-18.2 target: under 1 %)
 * @param floods flood periods: more than 10 alarms in 10 minutes, ending when fewer than 5 remain in the window
 * @param chattering alarms that activated 3 or more times within 60 s
 * @param stale alarms active for more than 24 hours at the end of the period
 * @param badActors the ten alarms that activated most, with their share of all activations
 * @param priorityShares share of activations per priority (recommended about 80 % low, 15 % medium, 5 % high)
 */
public record AlarmKpis(String groupBy, String code, String name, Instant from, Instant to, long annunciated,
        long notAnnunciated, long instrumentFaults, double perDay, double averagePer10Minutes, long peakPer10Minutes,
        double floodShare, List<Flood> floods, List<AlarmCount> chattering, List<StaleAlarm> stale,
        List<AlarmCount> badActors, java.util.Map<String, Double> priorityShares) {

    /** A flood period and how many alarms came in it. */
    public record Flood(Instant start, Instant end, long alarms, long peakPer10Minutes) {
    }

    /** One alarm (point and kind) with its number of activations and share of the group's total. */
    public record AlarmCount(String pointId, String pointName, AlarmKind kind, long activations, double share) {
    }

    /** An alarm active for more than 24 hours. */
    public record StaleAlarm(long alarmId, String pointId, String pointName, AlarmKind kind, Instant activeSince, double hours) {
    }
}
