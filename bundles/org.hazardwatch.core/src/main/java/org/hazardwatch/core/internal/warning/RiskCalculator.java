package org.hazardwatch.core.internal.warning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmCategory;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.warning.EnterpriseRisk;
import org.hazardwatch.api.warning.HazardSourceWarning;
import org.hazardwatch.api.warning.RiskModel;
import org.hazardwatch.api.warning.RiskReason;
import org.hazardwatch.api.warning.TrendPrediction;

/**
 * The risk model: each hazard source's score is the sum of what its points show (active alarms by severity, overdue
 * acknowledgements, trends heading for a limit, instrument faults), times the multiplier of its grade; the score
 * gives the level. An enterprise takes the level of its worst hazard source. Its points outside any hazard source
 * form a group of their own (code {@code null}).
 */
public final class RiskCalculator {

    public static final String ALARM_CRITICAL = "alarm.critical";
    public static final String ALARM_HIGH = "alarm.high";
    public static final String ALARM_MEDIUM = "alarm.medium";
    public static final String ALARM_LOW = "alarm.low";
    public static final String ALARM_UNACKNOWLEDGED = "alarm.unacknowledged";
    public static final String PREDICTION_CRITICAL = "prediction.critical";
    public static final String PREDICTION = "prediction";
    public static final String FAULT = "fault";

    /** The model with the defaults of {@link RiskModelConfig}. */
    public static final RiskModel DEFAULT_MODEL = new RiskModel(Map.of(ALARM_CRITICAL, 40.0, ALARM_HIGH, 25.0,
            ALARM_MEDIUM, 12.0, ALARM_LOW, 5.0, ALARM_UNACKNOWLEDGED, 10.0, PREDICTION_CRITICAL, 20.0, PREDICTION, 10.0,
            FAULT, 5.0), Map.of("1", 1.5, "2", 1.3, "3", 1.15, "4", 1.0, "none", 1.0), 60, 35, 15, 30, 10);

    /** A hazard source as the model needs it. */
    public record Source(String enterpriseCode, String code, String name, Integer grade) {
    }

    /** An enterprise as the model needs it. */
    public record Company(String code, String name, String regionCode) {
    }

    private RiskCalculator() {
    }

    public static List<EnterpriseRisk> compute(RiskModel model, List<MonitoringPoint> points, List<Alarm> open,
            List<TrendPrediction> predictions, Map<String, Source> sources, Map<String, Company> companies, Instant now) {
        Map<String, MonitoringPoint> byId = new HashMap<>();
        points.forEach(p -> byId.put(p.id(), p));
        // enterprise -> hazard source code (null: no source) -> reasons
        Map<String, Map<String, List<RiskReason>>> reasons = new LinkedHashMap<>();
        for (MonitoringPoint p : points) {
            reasons.computeIfAbsent(p.enterpriseCode(), e -> new LinkedHashMap<>()).computeIfAbsent(p.hazardSourceCode(), s -> new ArrayList<>());
        }
        for (Alarm a : open) {
            MonitoringPoint p = byId.get(a.pointId());
            if (p == null || !a.state().isActive()) {
                continue;
            }
            List<RiskReason> list = reasons.get(p.enterpriseCode()).get(p.hazardSourceCode());
            String what = p.name() + " " + a.kind() + " " + fmt(a.value()) + " " + p.unit() + " (limit " + fmt(a.limit()) + ")"
                    + (a.isShelved(now) ? ", shelved" : "") + (a.suppressed() ? ", suppressed by design" : "");
            if (a.category() == AlarmCategory.INSTRUMENT) {
                add(model, list, FAULT, p.id(), "instrument fault: " + p.name() + " (a blind spot in the monitoring)");
                continue;
            }
            String factor = a.kind() == AlarmKind.HIGH_HIGH || a.kind() == AlarmKind.LOW_LOW ? ALARM_CRITICAL
                    : switch (a.priority()) {
                        case HIGH -> ALARM_HIGH;
                        case MEDIUM -> ALARM_MEDIUM;
                        case LOW -> ALARM_LOW;
                    };
            add(model, list, factor, p.id(), "active alarm: " + what);
            if (a.state().isUnacknowledged()
                    && Duration.between(a.raisedAt(), now).toMinutes() >= model.unacknowledgedMinutes()) {
                add(model, list, ALARM_UNACKNOWLEDGED, p.id(), "not acknowledged for " + Duration.between(a.raisedAt(), now).toMinutes()
                        + " min: " + p.name() + " " + a.kind());
            }
        }
        for (TrendPrediction t : predictions) {
            MonitoringPoint p = byId.get(t.pointId());
            if (p == null || t.minutesToLimit() > model.horizonMinutes()) {
                continue;
            }
            String factor = t.kind() == AlarmKind.HIGH_HIGH || t.kind() == AlarmKind.LOW_LOW ? PREDICTION_CRITICAL : PREDICTION;
            add(model, reasons.get(p.enterpriseCode()).get(p.hazardSourceCode()), factor, p.id(), String.format(Locale.ROOT,
                    "trend: %s reaches its %s limit %s %s in %.0f min (%+.3g %s/min)", p.name(), t.kind(), fmt(t.limit()),
                    p.unit(), t.minutesToLimit(), t.slopePerMinute(), p.unit()));
        }
        List<EnterpriseRisk> risks = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<RiskReason>>> enterprise : reasons.entrySet()) {
            String code = enterprise.getKey();
            List<HazardSourceWarning> warnings = new ArrayList<>();
            for (Map.Entry<String, List<RiskReason>> group : enterprise.getValue().entrySet()) {
                Source source = group.getKey() == null ? null : sources.get(code + "/" + group.getKey());
                Integer grade = source == null ? null : source.grade();
                double multiplier = model.gradeMultipliers().getOrDefault(grade == null ? "none" : grade.toString(), 1.0);
                List<RiskReason> list = new ArrayList<>(group.getValue());
                list.sort(Comparator.comparingDouble(RiskReason::score).reversed());
                double score = list.stream().mapToDouble(RiskReason::score).sum() * multiplier;
                warnings.add(new HazardSourceWarning(code, group.getKey(),
                        source != null ? source.name() : group.getKey() == null ? "(no hazard source)" : group.getKey(), grade,
                        model.level(score), score, list));
            }
            warnings.sort(Comparator.comparingDouble(HazardSourceWarning::score).reversed()
                    .thenComparing(w -> Objects.toString(w.code(), "")));
            Company company = companies.get(code);
            double worst = warnings.isEmpty() ? 0 : warnings.get(0).score();
            risks.add(new EnterpriseRisk(code, company == null ? code : company.name(), company == null ? null : company.regionCode(),
                    model.level(worst), worst, warnings));
        }
        risks.sort(Comparator.comparingDouble(EnterpriseRisk::score).reversed().thenComparing(EnterpriseRisk::enterpriseCode));
        return risks;
    }

    private static void add(RiskModel model, List<RiskReason> list, String factor, String pointId, String detail) {
        double weight = model.weights().getOrDefault(factor, 0.0);
        if (weight != 0) {
            list.add(new RiskReason(factor, pointId, detail, weight));
        }
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.4g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
