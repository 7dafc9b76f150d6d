package org.hazardwatch.core.internal.analytics;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.hazardwatch.api.analytics.OneMap;
import org.hazardwatch.api.analytics.WallDashboard;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.warning.EarlyWarningService;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Offers {@link JdbcOneMap}. Early warning's risk levels are computed for every monitored enterprise at once, so they
 * are kept for a few seconds: every map and wall screen open at a centre refreshes on its own timer.
 */
@Component(service = { OneMap.class, WallDashboard.class })
public class OneMapComponent implements OneMap, WallDashboard {

    static final Duration RISK_MAX_AGE = Duration.ofSeconds(10);

    private final JdbcOneMap map;

    @Activate
    public OneMapComponent(@Reference MigratedDatabase database, @Reference EarlyWarningService earlyWarning) {
        Clock clock = Clock.systemUTC();
        map = new JdbcOneMap(database.dataSource(), clock, new Recent<>(earlyWarning::risks, clock),
                new Recent<>(earlyWarning::predictions, clock));
    }

    @Override
    public Markers markers(Caller caller, String region, Set<Integer> grades, String industry, Set<MarkerState> states) {
        return map.markers(caller, region, grades, industry, states);
    }

    @Override
    public Optional<Card> card(Caller caller, String uscc) {
        return map.card(caller, uscc);
    }

    @Override
    public Summary summary(Caller caller) {
        return map.summary(caller);
    }

    /** A value at most {@link #RISK_MAX_AGE} old. */
    static final class Recent<T> implements Supplier<List<T>> {

        private final Supplier<List<T>> source;
        private final Clock clock;
        private List<T> value;
        private java.time.Instant at;

        Recent(Supplier<List<T>> source, Clock clock) {
            this.source = source;
            this.clock = clock;
        }

        @Override
        public synchronized List<T> get() {
            java.time.Instant now = clock.instant();
            if (value == null || at.plus(RISK_MAX_AGE).isBefore(now)) {
                value = List.copyOf(source.get());
                at = now;
            }
            return value;
        }
    }
}
