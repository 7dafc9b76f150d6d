package org.hazardwatch.core.internal.equipment;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hazardwatch.api.equipment.EquipmentInspection;
import org.hazardwatch.api.equipment.EquipmentService;
import org.hazardwatch.api.equipment.InspectedEquipment;
import org.hazardwatch.api.equipment.InspectedKind;
import org.hazardwatch.api.notify.Notifier;
import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.LoggerFactory;

/** Offers {@link JdbcEquipment} as the node's equipment-inspection service; reminds of due inspections every hour. */
@Component(service = EquipmentService.class)
public class EquipmentComponent implements EquipmentService {

    private final JdbcEquipment equipment;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Notifier> notifiers = new CopyOnWriteArrayList<>();

    private final ScheduledExecutorService reminders = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hazardwatch-equipment-reminders");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public EquipmentComponent(@Reference MigratedDatabase database, @Reference RegistryService registry, @Reference AuditLog audit) {
        equipment = new JdbcEquipment(database.dataSource(), registry, audit, () -> notifiers, Clock.systemUTC());
        reminders.scheduleWithFixedDelay(this::remind, 4, 60, TimeUnit.MINUTES);
    }

    private void remind() {
        try {
            equipment.remind();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(EquipmentComponent.class).warn("Equipment inspection reminders failed: {}", e.toString());
        }
    }

    @Deactivate
    void deactivate() {
        reminders.shutdownNow();
    }

    @Override
    public List<InspectedEquipment> list(Caller caller, String uscc, InspectedKind kind, String state, int limit) {
        return equipment.list(caller, uscc, kind, state, limit);
    }

    @Override
    public Optional<InspectedEquipment> get(Caller caller, long id) {
        return equipment.get(caller, id);
    }

    @Override
    public InspectedEquipment register(Caller caller, EquipmentDraft draft) {
        return equipment.register(caller, draft);
    }

    @Override
    public InspectedEquipment retire(Caller caller, long id, String reason) {
        return equipment.retire(caller, id, reason);
    }

    @Override
    public InspectedEquipment recordInspection(Caller caller, long id, InspectionDraft draft) {
        return equipment.recordInspection(caller, id, draft);
    }

    @Override
    public EquipmentInspection attachCertificate(Caller caller, long id, long inspectionId, String fileName, String contentType, InputStream content) {
        return equipment.attachCertificate(caller, id, inspectionId, fileName, contentType, content);
    }

    @Override
    public Optional<Certificate> certificate(Caller caller, long id, long inspectionId) {
        return equipment.certificate(caller, id, inspectionId);
    }

    @Override
    public Summary summary(Caller caller) {
        return equipment.summary(caller);
    }
}
