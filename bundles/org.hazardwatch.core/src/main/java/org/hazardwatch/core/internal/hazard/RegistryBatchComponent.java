package org.hazardwatch.core.internal.hazard;

import java.time.Clock;

import org.hazardwatch.api.hazard.RegistryBatchWriter;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.hazardwatch.core.internal.registry.JdbcRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = RegistryBatchWriter.class)
public class RegistryBatchComponent extends JdbcRegistryBatch {

    @Activate
    public RegistryBatchComponent(@Reference MigratedDatabase database) {
        super(database.dataSource(), new JdbcRegistry(database.dataSource(), Clock.systemUTC()),
                new JdbcHazardSources(database.dataSource(), Clock.systemUTC()), Clock.systemUTC());
    }
}
