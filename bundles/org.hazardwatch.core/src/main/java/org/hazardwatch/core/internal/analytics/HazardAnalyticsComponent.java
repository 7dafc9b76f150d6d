package org.hazardwatch.core.internal.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.hazardwatch.api.analytics.HazardAnalytics;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Offers {@link JdbcHazardAnalytics} on the node's database. */
@Component(service = HazardAnalytics.class)
public class HazardAnalyticsComponent implements HazardAnalytics {

    private final JdbcHazardAnalytics analytics;

    @Activate
    public HazardAnalyticsComponent(@Reference MigratedDatabase database) {
        analytics = new JdbcHazardAnalytics(database.dataSource(), Clock.systemUTC());
    }

    @Override
    public Overview overview(Caller caller, String regionCode, LocalDate asOf, String industryCode) {
        return analytics.overview(caller, regionCode, asOf, industryCode);
    }

    @Override
    public List<YearRow> trend(Caller caller, String regionCode, int fromYear, int toYear, String industryCode) {
        return analytics.trend(caller, regionCode, fromYear, toYear, industryCode);
    }
}
