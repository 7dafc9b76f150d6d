package org.hazardwatch.core.internal.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hazardwatch.api.alarm.AlarmEvent;
import org.hazardwatch.api.alarm.AlarmKpiService;
import org.hazardwatch.api.alarm.AlarmKpis;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.api.store.AlarmStore;
import org.hazardwatch.api.store.PointRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Alarm KPIs grouped by enterprise (the point's enterprise code) or by county (the enterprise's region in the
 * registry; points of enterprises missing from the registry fall under {@value #UNREGISTERED}). Periods are limited to
 * 31 days: the journal is read for the whole period.
 */
@Component(service = AlarmKpiService.class)
public class AlarmKpiComponent implements AlarmKpiService {

    static final String UNREGISTERED = "unregistered";
    static final Duration MAX_PERIOD = Duration.ofDays(31);

    private final AlarmStore alarms;
    private final PointRepository points;
    private final RegistryService registry;

    @Activate
    public AlarmKpiComponent(@Reference AlarmStore alarms, @Reference PointRepository points,
            @Reference RegistryService registry) {
        this.alarms = alarms;
        this.points = points;
        this.registry = registry;
    }

    private record Group(String code, String name, Set<String> pointIds) {
    }

    @Override
    public List<AlarmKpis> summaries(String groupBy, Instant from, Instant to) {
        check(groupBy, from, to);
        Map<String, MonitoringPoint> byId = pointsById();
        List<AlarmEvent> events = alarms.events(from, to);
        List<Alarm> open = alarms.open();
        List<AlarmKpis> result = new ArrayList<>();
        for (Group group : groups(groupBy, byId.values())) {
            result.add(compute(groupBy, group, from, to, events, open, byId));
        }
        result.sort(Comparator.comparingDouble(AlarmKpis::perDay).reversed().thenComparing(AlarmKpis::code));
        return result;
    }

    @Override
    public Optional<AlarmKpis> kpis(String groupBy, String code, Instant from, Instant to) {
        check(groupBy, from, to);
        Map<String, MonitoringPoint> byId = pointsById();
        return groups(groupBy, byId.values()).stream().filter(g -> g.code().equals(code)).findFirst()
                .map(group -> compute(groupBy, group, from, to, alarms.events(from, to), alarms.open(), byId));
    }

    private static AlarmKpis compute(String groupBy, Group group, Instant from, Instant to, List<AlarmEvent> events,
            List<Alarm> open, Map<String, MonitoringPoint> byId) {
        return AlarmKpiCalculator.compute(groupBy, group.code(), group.name(), from, to,
                events.stream().filter(e -> group.pointIds().contains(e.pointId())).toList(),
                open.stream().filter(a -> group.pointIds().contains(a.pointId())).toList(),
                id -> byId.containsKey(id) ? byId.get(id).name() : id);
    }

    private List<Group> groups(String groupBy, java.util.Collection<MonitoringPoint> all) {
        Map<String, Set<String>> byEnterprise = all.stream().collect(Collectors.groupingBy(
                p -> p.enterpriseCode() == null ? UNREGISTERED : p.enterpriseCode(), Collectors.mapping(MonitoringPoint::id, Collectors.toSet())));
        Map<String, Enterprise> enterprises = new HashMap<>();
        for (String uscc : byEnterprise.keySet()) {
            registry.enterprises(null, uscc, 0, 5).items().stream().filter(e -> uscc.equals(e.uscc())).findFirst()
                    .ifPresent(e -> enterprises.put(uscc, e));
        }
        List<Group> groups = new ArrayList<>();
        if (ENTERPRISE.equals(groupBy)) {
            byEnterprise.forEach((uscc, ids) -> groups.add(new Group(uscc,
                    enterprises.containsKey(uscc) ? enterprises.get(uscc).name() : uscc, ids)));
        } else {
            Map<String, Set<String>> byCounty = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            byEnterprise.forEach((uscc, ids) -> {
                Enterprise e = enterprises.get(uscc);
                String county = e == null ? UNREGISTERED : e.regionCode();
                byCounty.computeIfAbsent(county, c -> new java.util.HashSet<>()).addAll(ids);
                names.putIfAbsent(county, e == null ? UNREGISTERED : e.regionName());
            });
            byCounty.forEach((county, ids) -> groups.add(new Group(county, names.get(county), ids)));
        }
        return groups;
    }

    private Map<String, MonitoringPoint> pointsById() {
        return points.findAll().stream().collect(Collectors.toMap(MonitoringPoint::id, p -> p));
    }

    private static void check(String groupBy, Instant from, Instant to) {
        if (!ENTERPRISE.equals(groupBy) && !COUNTY.equals(groupBy)) {
            throw new IllegalArgumentException("groupBy must be enterprise or county, not '" + groupBy + "'");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("the period is at most 31 days");
        }
    }
}
