package org.hazardwatch.core.internal.disposal;

import java.time.Clock;

import org.hazardwatch.api.disposal.DisposalService;
import org.hazardwatch.api.store.AlarmStore;
import org.hazardwatch.api.store.PointRepository;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = DisposalService.class)
public class DisposalComponent extends JdbcDisposals {

    @Activate
    public DisposalComponent(@Reference MigratedDatabase database, @Reference AlarmStore alarms,
            @Reference PointRepository points) {
        super(database.dataSource(), alarms::find, points::findById, Clock.systemUTC());
    }
}
