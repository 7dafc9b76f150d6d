package org.hazardwatch.core.internal.db;

import org.hazardwatch.api.store.AlarmStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = AlarmStore.class)
public class AlarmStoreComponent extends JdbcAlarmStore {

    @Activate
    public AlarmStoreComponent(@Reference MigratedDatabase database) {
        super(database.dataSource());
    }
}
