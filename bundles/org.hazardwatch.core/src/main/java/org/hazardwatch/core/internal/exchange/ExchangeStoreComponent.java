package org.hazardwatch.core.internal.exchange;

import org.hazardwatch.api.exchange.ExchangeStore;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ExchangeStore.class)
public class ExchangeStoreComponent extends JdbcExchangeStore {

    @Activate
    public ExchangeStoreComponent(@Reference MigratedDatabase database) {
        super(database.dataSource());
    }
}
