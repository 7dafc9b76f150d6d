package org.hazardwatch.core.internal.accident;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hazardwatch.api.accident.Accident;
import org.hazardwatch.api.accident.AccidentService;
import org.hazardwatch.api.exchange.ExchangeLinks;
import org.hazardwatch.api.exchange.WorkInbox;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Offers {@link JdbcAccidents} as the node's accident register and as the inbox of accidents replicated from below. */
@Component(service = { AccidentService.class, WorkInbox.class })
public class AccidentComponent implements AccidentService, WorkInbox {

    private final JdbcAccidents accidents;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ExchangeLinks exchange;

    @Activate
    public AccidentComponent(@Reference MigratedDatabase database, @Reference AuditLog audit) {
        accidents = new JdbcAccidents(database.dataSource(), audit, () -> exchange, Clock.systemUTC());
    }

    @Override
    public Optional<Precursors> precedingAlarms(Caller caller, String id, int windowHours) {
        return accidents.precedingAlarms(caller, id, windowHours);
    }

    @Override
    public Page<Accident> search(Caller caller, Query query, int page, int size) {
        return accidents.search(caller, query, page, size);
    }

    @Override
    public Optional<Accident> get(Caller caller, String id) {
        return accidents.get(caller, id);
    }

    @Override
    public Accident record(Caller caller, Draft draft) {
        return accidents.record(caller, draft);
    }

    @Override
    public Accident update(Caller caller, String id, Draft draft) {
        return accidents.update(caller, id, draft);
    }

    @Override
    public Accident voidRecord(Caller caller, String id, String reason) {
        return accidents.voidRecord(caller, id, reason);
    }

    @Override
    public ImportResult importAll(Caller caller, List<NumberedDraft> rows, boolean dryRun) {
        return accidents.importAll(caller, rows, dryRun);
    }

    @Override
    public Set<String> kinds() {
        return accidents.kinds();
    }

    @Override
    public void receive(String fromNode, boolean fromParent, String kind, String json) throws IOException {
        accidents.receive(fromNode, fromParent, kind, json);
    }
}
