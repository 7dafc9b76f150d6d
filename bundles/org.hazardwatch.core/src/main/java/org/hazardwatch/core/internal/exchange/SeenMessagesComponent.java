package org.hazardwatch.core.internal.exchange;

import org.hazardwatch.api.exchange.SeenMessages;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = SeenMessages.class)
public class SeenMessagesComponent extends JdbcSeenMessages {

    @Activate
    public SeenMessagesComponent(@Reference MigratedDatabase database) {
        super(database.dataSource());
    }
}
