package org.hazardwatch.core.internal.hazard;

import java.time.Clock;

import org.hazardwatch.api.hazard.HazardSourceService;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = HazardSourceService.class)
public class HazardSourceComponent extends JdbcHazardSources {

    @Activate
    public HazardSourceComponent(@Reference MigratedDatabase database) {
        super(database.dataSource(), Clock.systemUTC());
    }
}
