package org.hazardwatch.core.internal.analytics;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hazardwatch.api.analytics.AlarmAnalytics;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.LoggerFactory;

/** Offers {@link JdbcAlarmAnalytics} and counts new alarms into its statistics every five seconds. */
@Component(service = AlarmAnalytics.class)
public class AlarmAnalyticsComponent implements AlarmAnalytics {

    private final JdbcAlarmAnalytics analytics;
    private final ScheduledExecutorService counter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hazardwatch-alarm-statistics");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public AlarmAnalyticsComponent(@Reference MigratedDatabase database) {
        analytics = new JdbcAlarmAnalytics(database.dataSource(), Clock.systemUTC());
        counter.scheduleWithFixedDelay(this::count, 5, 5, TimeUnit.SECONDS);
    }

    private void count() {
        try {
            analytics.catchUp();
        } catch (RuntimeException e) {
            // the next run takes it up from the same cursor
            LoggerFactory.getLogger(AlarmAnalyticsComponent.class).warn("Counting alarms into the statistics failed: {}", e.toString());
        }
    }

    @Deactivate
    void deactivate() {
        counter.shutdownNow();
    }

    @Override
    public Analysis analyse(Caller caller, String region, YearMonth from, YearMonth to, String industry, String pointType) {
        return analytics.analyse(caller, region, from, to, industry, pointType);
    }

    @Override
    public Live live(Caller caller, String region, String industry, String pointType) {
        return analytics.live(caller, region, industry, pointType);
    }

    @Override
    public Optional<DeviceAnalysis> device(Caller caller, String pointId, YearMonth from, YearMonth to) {
        return analytics.device(caller, pointId, from, to);
    }

    @Override
    public long catchUp() {
        return analytics.catchUp();
    }

    @Override
    public long rebuild() {
        return analytics.rebuild();
    }
}
