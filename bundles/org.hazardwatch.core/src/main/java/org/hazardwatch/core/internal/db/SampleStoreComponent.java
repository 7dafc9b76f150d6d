package org.hazardwatch.core.internal.db;

import org.hazardwatch.api.store.SampleStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = SampleStore.class)
public class SampleStoreComponent extends JdbcSampleStore {

    @Activate
    public SampleStoreComponent(@Reference MigratedDatabase database) {
        super(database.dataSource());
    }
}
