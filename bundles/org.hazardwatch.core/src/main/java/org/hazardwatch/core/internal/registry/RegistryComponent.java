package org.hazardwatch.core.internal.registry;

import java.time.Clock;

import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = RegistryService.class)
public class RegistryComponent extends JdbcRegistry {

    @Activate
    public RegistryComponent(@Reference MigratedDatabase database) {
        super(database.dataSource(), Clock.systemUTC());
    }
}
