package org.hazardwatch.core.internal.db;

import org.hazardwatch.api.store.PointRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = PointRepository.class)
public class PointRepositoryComponent extends JdbcPointRepository {

    @Activate
    public PointRepositoryComponent(@Reference MigratedDatabase database) {
        super(database.dataSource());
    }
}
