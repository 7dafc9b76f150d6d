package org.hazardwatch.core.internal.retention;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hazardwatch.api.health.Health;
import org.hazardwatch.api.health.HealthIndicator;
import org.hazardwatch.api.retention.RetentionService;
import org.hazardwatch.api.retention.RetentionStatus;
import org.hazardwatch.api.retention.TrendBucket;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.hazardwatch.core.internal.health.FailoverRole;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs retention every few minutes on its own thread (not on a standby node: the active one does it for both). A bad
 * configuration is logged and the defaults apply, so records are never dropped sooner than 30 days by a typo.
 */
@Component(service = { RetentionService.class, HealthIndicator.class }, configurationPid = "org.hazardwatch.retention")
public class RetentionComponent implements RetentionService, HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionComponent.class);
    static final JdbcRetention.Settings DEFAULTS = new JdbcRetention.Settings(30, 180, 3650, 1095);

    private final JdbcRetention retention;
    private final BundleContext context;
    private final JdbcRetention.Settings settings;
    private final ScheduledExecutorService timer;
    private volatile String lastResult;
    private volatile String lastFailure;

    @Activate
    public RetentionComponent(@Reference MigratedDatabase database, BundleContext context, RetentionConfig config) {
        this.retention = new JdbcRetention(database.dataSource());
        this.context = context;
        this.settings = settings(config);
        int interval = Math.max(1, config.interval_minutes());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hazardwatch-retention");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::scheduledRun, 1, interval, TimeUnit.MINUTES);
    }

    static JdbcRetention.Settings settings(RetentionConfig config) {
        try {
            return new JdbcRetention.Settings(config.raw_sample_days(), config.minute_days(), config.hour_days(), config.alarm_days());
        } catch (IllegalArgumentException e) {
            LOG.error("etc/org.hazardwatch.retention.cfg refused ({}); the defaults apply: {}", e.getMessage(), DEFAULTS);
            return DEFAULTS;
        }
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    private void scheduledRun() {
        if ("STANDBY".equals(FailoverRole.roleOf(context))) {
            return;
        }
        try {
            runNow();
        } catch (RuntimeException e) {
            lastFailure = e.getMessage();
            LOG.warn("Retention run failed; retrying at the next interval", e);
        }
    }

    @Override
    public synchronized String runNow() {
        long start = System.nanoTime();
        JdbcRetention.Result r = retention.run(settings, Instant.now());
        lastFailure = null;
        lastResult = String.format("aggregated %d minute and %d hour buckets (up to %s); deleted %d samples, %d minute and "
                + "%d hour buckets, %d alarms; %d ms", r.minuteBuckets(), r.hourBuckets(), r.minuteWatermark(), r.samplesDeleted(),
                r.minutesDeleted(), r.hoursDeleted(), r.alarmsDeleted(), (System.nanoTime() - start) / 1_000_000);
        LOG.info("Retention: {}", lastResult);
        return lastResult;
    }

    @Override
    public RetentionStatus status() {
        JdbcRetention.Status s = retention.status();
        return new RetentionStatus(settings.rawSampleDays(), settings.minuteDays(), settings.hourDays(), settings.alarmDays(),
                s.tables(), s.minuteWatermark(), s.hourWatermark(), s.lastRun(), lastResult);
    }

    @Override
    public List<TrendBucket> trend(String pointId, boolean hourly, Instant from, Instant to, int limit) {
        return retention.buckets(pointId, hourly, from, to, limit);
    }

    @Override
    public String componentName() {
        return "retention";
    }

    @Override
    public Health check() {
        String failure = lastFailure;
        String detail = "samples " + settings.rawSampleDays() + " d, minutes " + settings.minuteDays() + " d, hours "
                + settings.hourDays() + " d, alarms " + settings.alarmDays() + " d";
        return failure == null ? Health.up(detail + (lastResult == null ? "; not run yet" : "; last run " + lastResult))
                : new Health(org.hazardwatch.api.health.HealthStatus.DEGRADED, detail + "; last run failed: " + failure);
    }
}
