package org.hazardwatch.core.internal.registration;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hazardwatch.api.exchange.ExchangeLinks;
import org.hazardwatch.api.exchange.WorkInbox;
import org.hazardwatch.api.hazard.HazardSourceService;
import org.hazardwatch.api.notify.Notifier;
import org.hazardwatch.api.registration.DocumentType;
import org.hazardwatch.api.registration.NoticeRenderer;
import org.hazardwatch.api.registration.RegistrationAction;
import org.hazardwatch.api.registration.RegistrationCase;
import org.hazardwatch.api.registration.RegistrationDocument;
import org.hazardwatch.api.registration.RegistrationService;
import org.hazardwatch.api.registration.RegistrationStatistics;
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

/**
 * Offers {@link JdbcRegistrations} as the node's registration service and as the inbox of applications replicated from
 * below; reminds of due re-assessments every hour (90 days ahead, and once overdue).
 */
@Component(service = { RegistrationService.class, WorkInbox.class })
public class RegistrationComponent implements RegistrationService, WorkInbox {

    static final Duration REMIND_AHEAD = Duration.ofDays(90);

    private final JdbcRegistrations registrations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ExchangeLinks exchange;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Notifier> notifiers = new CopyOnWriteArrayList<>();

    /** The reports bundle's notice PDF; without it applications cannot be notified. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile NoticeRenderer noticeRenderer;

    private final ScheduledExecutorService reminders = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hazardwatch-registration-reminders");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public RegistrationComponent(@Reference MigratedDatabase database, @Reference RegistryService registry,
            @Reference HazardSourceService hazardSources, @Reference AuditLog audit) {
        registrations = new JdbcRegistrations(database.dataSource(), registry, hazardSources, audit, () -> exchange, () -> notifiers,
                () -> noticeRenderer, Clock.systemUTC());
        reminders.scheduleWithFixedDelay(this::remind, 2, 60, TimeUnit.MINUTES);
    }

    private void remind() {
        try {
            registrations.remind(REMIND_AHEAD);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(RegistrationComponent.class).warn("Re-assessment reminders failed: {}", e.toString());
        }
    }

    @Deactivate
    void deactivate() {
        reminders.shutdownNow();
    }

    @Override
    public Page<RegistrationCase> search(Caller caller, Query query, int page, int size) {
        return registrations.search(caller, query, page, size);
    }

    @Override
    public List<RegistrationCase> todo(Caller caller) {
        return registrations.todo(caller);
    }

    @Override
    public Optional<RegistrationCase> get(Caller caller, String id) {
        return registrations.get(caller, id);
    }

    @Override
    public RegistrationCase apply(Caller caller, Application application) {
        return registrations.apply(caller, application);
    }

    @Override
    public RegistrationDocument attach(Caller caller, String id, DocumentType type, String fileName, String contentType, InputStream content) {
        return registrations.attach(caller, id, type, fileName, contentType, content);
    }

    @Override
    public void removeDocument(Caller caller, String id, long documentId) {
        registrations.removeDocument(caller, id, documentId);
    }

    @Override
    public Optional<DocumentContent> document(Caller caller, String id, long documentId) {
        return registrations.document(caller, id, documentId);
    }

    @Override
    public RegistrationCase act(Caller caller, String id, RegistrationAction action, String note, String registrationNumber) {
        return registrations.act(caller, id, action, note, registrationNumber);
    }

    @Override
    public RegistrationStatistics statistics(Caller caller, Instant from, Instant to) {
        return registrations.statistics(caller, from, to);
    }

    @Override
    public List<DueReassessment> dueReassessments(Caller caller, int withinDays) {
        return registrations.dueReassessments(caller, withinDays);
    }

    @Override
    public Set<String> kinds() {
        return registrations.kinds();
    }

    @Override
    public void receive(String fromNode, boolean fromParent, String kind, String json) throws IOException {
        registrations.receive(fromNode, fromParent, kind, json);
    }
}
