package org.hazardwatch.core.internal.exchange;

import org.hazardwatch.api.exchange.CertificateRegistry;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = CertificateRegistry.class)
public class CertificateRegistryComponent extends JdbcCertificateRegistry {

    @Activate
    public CertificateRegistryComponent(@Reference MigratedDatabase database) {
        super(database.dataSource());
    }
}
