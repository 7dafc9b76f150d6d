package org.hazardwatch.core.internal.health;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hazardwatch.api.health.HealthIndicator;
import org.hazardwatch.api.health.HealthReport;
import org.hazardwatch.api.health.HealthService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

@Component(service = HealthService.class)
public class HealthServiceComponent implements HealthService {

    private final List<HealthIndicator> indicators = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addIndicator(HealthIndicator indicator) {
        indicators.add(indicator);
    }

    void removeIndicator(HealthIndicator indicator) {
        indicators.remove(indicator);
    }

    @Override
    public HealthReport report() {
        return HealthAggregator.aggregate(indicators);
    }
}
