package org.hazardwatch.core.internal.alarm;

import java.time.Duration;

import org.hazardwatch.api.alarm.AlarmEvaluator;
import org.hazardwatch.api.store.AlarmStore;
import org.hazardwatch.api.store.PointRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = AlarmEvaluator.class)
public class LimitAlarmComponent extends LimitAlarmEvaluator {

    @Activate
    public LimitAlarmComponent(@Reference PointRepository points, @Reference AlarmStore alarms) {
        super(new PointCache(points, Duration.ofSeconds(10), System::nanoTime), alarms);
    }
}
