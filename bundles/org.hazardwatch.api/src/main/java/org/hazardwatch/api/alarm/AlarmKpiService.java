package org.hazardwatch.api.alarm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Alarm KPIs per enterprise and per county (see {@link AlarmKpis}). */
public interface AlarmKpiService {

    String ENTERPRISE = "enterprise";
    String COUNTY = "county";

    /** Summaries of every group with alarms or points in the period, worst (most alarms per day) first. */
    List<AlarmKpis> summaries(String groupBy, Instant from, Instant to);

    /** The KPIs of one group; empty when the group has no points. */
    Optional<AlarmKpis> kpis(String groupBy, String code, Instant from, Instant to);
}
