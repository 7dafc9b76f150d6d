package org.hazardwatch.core.internal.danger;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hazardwatch.api.danger.DangerAction;
import org.hazardwatch.api.danger.DangerAttachment;
import org.hazardwatch.api.danger.HiddenDanger;
import org.hazardwatch.api.danger.HiddenDangerService;
import org.hazardwatch.api.danger.Inspection;
import org.hazardwatch.api.notify.Notifier;
import org.hazardwatch.api.registry.Page;
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

/** Offers {@link JdbcHiddenDangers} as the node's hidden-danger service; reminds of overdue rectifications every 15 minutes. */
@Component(service = HiddenDangerService.class)
public class HiddenDangerComponent implements HiddenDangerService {

    private final JdbcHiddenDangers dangers;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Notifier> notifiers = new CopyOnWriteArrayList<>();

    private final ScheduledExecutorService reminders = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hazardwatch-hidden-danger-reminders");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public HiddenDangerComponent(@Reference MigratedDatabase database, @Reference RegistryService registry, @Reference AuditLog audit) {
        dangers = new JdbcHiddenDangers(database.dataSource(), registry, audit, () -> notifiers, Clock.systemUTC());
        reminders.scheduleWithFixedDelay(this::remind, 3, 15, TimeUnit.MINUTES);
    }

    private void remind() {
        try {
            dangers.remindOverdue();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(HiddenDangerComponent.class).warn("Overdue rectification reminders failed: {}", e.toString());
        }
    }

    @Deactivate
    void deactivate() {
        reminders.shutdownNow();
    }

    @Override
    public Page<HiddenDanger> search(Caller caller, Query query, int page, int size) {
        return dangers.search(caller, query, page, size);
    }

    @Override
    public Optional<HiddenDanger> get(Caller caller, String id) {
        return dangers.get(caller, id);
    }

    @Override
    public List<HiddenDanger> todo(Caller caller) {
        return dangers.todo(caller);
    }

    @Override
    public HiddenDanger record(Caller caller, DangerDraft draft) {
        return dangers.record(caller, draft);
    }

    @Override
    public HiddenDanger act(Caller caller, String id, DangerAction action, Step step) {
        return dangers.act(caller, id, action, step);
    }

    @Override
    public HiddenDanger plan(Caller caller, String id, String measures, BigDecimal funds, String responsible, Instant deadline) {
        return dangers.plan(caller, id, measures, funds, responsible, deadline);
    }

    @Override
    public HiddenDanger progress(Caller caller, String id, int percent, String note) {
        return dangers.progress(caller, id, percent, note);
    }

    @Override
    public DangerAttachment attach(Caller caller, String id, String stage, String fileName, String contentType, InputStream content) {
        return dangers.attach(caller, id, stage, fileName, contentType, content);
    }

    @Override
    public Optional<AttachmentContent> attachment(Caller caller, String id, long attachmentId) {
        return dangers.attachment(caller, id, attachmentId);
    }

    @Override
    public Statistics statistics(Caller caller, Instant from, Instant to) {
        return dangers.statistics(caller, from, to);
    }

    @Override
    public List<Inspection> inspections(Caller caller, String uscc, String status, int limit) {
        return dangers.inspections(caller, uscc, status, limit);
    }

    @Override
    public Inspection planInspection(Caller caller, InspectionDraft draft) {
        return dangers.planInspection(caller, draft);
    }

    @Override
    public Inspection completeInspection(Caller caller, long id, String result) {
        return dangers.completeInspection(caller, id, result);
    }
}
