package org.hazardwatch.core.internal.warning;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hazardwatch.api.hazard.HazardSourceQuery;
import org.hazardwatch.api.hazard.HazardSourceService;
import org.hazardwatch.api.hazard.HazardSourceSummary;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.api.store.AlarmStore;
import org.hazardwatch.api.store.PointRepository;
import org.hazardwatch.api.warning.EarlyWarningService;
import org.hazardwatch.api.warning.EnterpriseRisk;
import org.hazardwatch.api.warning.RiskModel;
import org.hazardwatch.api.warning.TrendPrediction;
import org.hazardwatch.api.warning.TrendService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/** Early warning from the alarm engine's state and trends, the registry's hazard sources and the risk model. */
@Component(service = EarlyWarningService.class, configurationPid = "org.hazardwatch.risk")
public class EarlyWarningComponent implements EarlyWarningService {

    private final TrendService trends;
    private final AlarmStore alarms;
    private final PointRepository points;
    private final RegistryService registry;
    private final HazardSourceService hazardSources;
    private final Clock clock = Clock.systemUTC();
    private volatile RiskModel model;

    @Activate
    public EarlyWarningComponent(@Reference TrendService trends, @Reference AlarmStore alarms,
            @Reference PointRepository points, @Reference RegistryService registry,
            @Reference HazardSourceService hazardSources, RiskModelConfig config) {
        this.trends = trends;
        this.alarms = alarms;
        this.points = points;
        this.registry = registry;
        this.hazardSources = hazardSources;
        this.model = modelOrDefault(config);
    }

    @Modified
    void modified(RiskModelConfig config) {
        this.model = modelOrDefault(config);
    }

    /** A bad configuration is logged and the built-in model stays: early warning must not go away over a typo. */
    private static RiskModel modelOrDefault(RiskModelConfig config) {
        try {
            return model(config);
        } catch (IllegalArgumentException e) {
            org.slf4j.LoggerFactory.getLogger(EarlyWarningComponent.class)
                    .error("etc/org.hazardwatch.risk.cfg refused ({}); the built-in risk model applies", e.getMessage());
            return RiskCalculator.DEFAULT_MODEL;
        }
    }

    /** The model of a configuration; a bad one (a threshold out of order) is refused with the reason. */
    static RiskModel model(RiskModelConfig c) {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put(RiskCalculator.ALARM_CRITICAL, c.alarm_critical());
        weights.put(RiskCalculator.ALARM_HIGH, c.alarm_high());
        weights.put(RiskCalculator.ALARM_MEDIUM, c.alarm_medium());
        weights.put(RiskCalculator.ALARM_LOW, c.alarm_low());
        weights.put(RiskCalculator.ALARM_UNACKNOWLEDGED, c.alarm_unacknowledged());
        weights.put(RiskCalculator.PREDICTION_CRITICAL, c.prediction_critical());
        weights.put(RiskCalculator.PREDICTION, c.prediction());
        weights.put(RiskCalculator.FAULT, c.fault());
        String[] parts = c.grade_multipliers().split(",");
        if (parts.length != 5) {
            throw new IllegalArgumentException("grade.multipliers needs 5 values (grades 1 to 4, then ungraded), not '"
                    + c.grade_multipliers() + "'");
        }
        double[] m = new double[5];
        for (int i = 0; i < 5; i++) {
            try {
                m[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("grade.multipliers: '" + parts[i].strip() + "' is not a number");
            }
            if (!(m[i] > 0)) {
                throw new IllegalArgumentException("grade.multipliers must be positive");
            }
        }
        Map<String, Double> multipliers = new LinkedHashMap<>();
        for (int g = 1; g <= 4; g++) {
            multipliers.put(Integer.toString(g), m[g - 1]);
        }
        multipliers.put("none", m[4]);
        if (!(c.level_red() > c.level_orange() && c.level_orange() > c.level_yellow() && c.level_yellow() > 0)) {
            throw new IllegalArgumentException("levels must be red > orange > yellow > 0");
        }
        return new RiskModel(weights, multipliers, c.level_red(), c.level_orange(), c.level_yellow(), c.horizon_minutes(),
                c.unacknowledged_minutes());
    }

    @Override
    public List<TrendPrediction> predictions() {
        return trends.predictions(Duration.ofMinutes(model.horizonMinutes()));
    }

    @Override
    public List<EnterpriseRisk> risks() {
        RiskModel current = model;
        List<MonitoringPoint> all = points.findAll();
        Map<String, RiskCalculator.Company> companies = new HashMap<>();
        Map<Long, String> usccById = new HashMap<>();
        for (String uscc : all.stream().map(MonitoringPoint::enterpriseCode).distinct().toList()) {
            registry.enterprises(null, uscc, 0, 5).items().stream().filter(e -> uscc.equals(e.uscc())).findFirst()
                    .ifPresent(e -> {
                        companies.put(uscc, new RiskCalculator.Company(uscc, e.name(), e.regionCode()));
                        usccById.put(e.id(), uscc);
                    });
        }
        Map<String, RiskCalculator.Source> sources = new HashMap<>();
        for (Map.Entry<Long, String> enterprise : usccById.entrySet()) {
            for (HazardSourceSummary s : hazardSources.list(new HazardSourceQuery(null, enterprise.getKey(), null, null), 0, 1000).items()) {
                sources.put(enterprise.getValue() + "/" + s.code(),
                        new RiskCalculator.Source(enterprise.getValue(), s.code(), s.name(), s.grade()));
            }
        }
        return RiskCalculator.compute(current, all, alarms.open(), trends.predictions(Duration.ofMinutes(current.horizonMinutes())),
                sources, companies, clock.instant());
    }

    @Override
    public Optional<EnterpriseRisk> risk(String enterpriseCode) {
        return risks().stream().filter(r -> r.enterpriseCode().equals(enterpriseCode)).findFirst();
    }

    @Override
    public RiskModel model() {
        return model;
    }
}
