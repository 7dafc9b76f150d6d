package org.hazardwatch.core.internal.analytics;

import java.time.Clock;
import java.time.YearMonth;

import org.hazardwatch.api.analytics.AccidentRelations;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Offers {@link JdbcAccidentRelations} on the node's database. */
@Component(service = AccidentRelations.class)
public class AccidentRelationsComponent implements AccidentRelations {

    private final JdbcAccidentRelations relations;

    @Activate
    public AccidentRelationsComponent(@Reference MigratedDatabase database) {
        relations = new JdbcAccidentRelations(database.dataSource(), Clock.systemUTC());
    }

    @Override
    public Analysis analyse(Caller caller, String region, YearMonth from, YearMonth to, String industry, Integer windowHours) {
        return relations.analyse(caller, region, from, to, industry, windowHours);
    }
}
