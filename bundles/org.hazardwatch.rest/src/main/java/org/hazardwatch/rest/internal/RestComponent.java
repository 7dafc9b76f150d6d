package org.hazardwatch.rest.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;

import javax.servlet.Servlet;
import javax.ws.rs.core.Application;

import org.apache.cxf.jaxrs.servlet.CXFNonSpringJaxrsServlet;
import org.hazardwatch.api.adapter.ProtocolAdapter;
import org.hazardwatch.api.auth.AuthService;
import org.hazardwatch.api.hazard.HazardSourceService;
import org.hazardwatch.api.hazard.RegistryTransfer;
import org.hazardwatch.api.health.HealthService;
import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.api.routes.RouteRegistry;
import org.hazardwatch.api.store.AlarmStore;
import org.hazardwatch.api.alarm.AlarmDefinitionService;
import org.hazardwatch.api.alarm.AlarmService;
import org.hazardwatch.api.live.LiveEventBus;
import org.hazardwatch.api.store.PointRepository;
import org.hazardwatch.api.store.SampleStore;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.AccessGrantService;
import org.hazardwatch.api.security.AccountService;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.OrganisationService;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.grading.Gb18218Grader;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/** Publishes the JAX-RS application as a servlet at {@code /api/*} on the HTTP whiteboard (pax-web). */
@Component(immediate = true)
public class RestComponent {

    public static final String API_PATTERN = "/api/*";

    private final ServiceRegistration<Servlet> registration;
    private volatile RouteRegistry routeRegistry;
    private volatile org.hazardwatch.api.exchange.SecurityCentre securityCentre;
    private volatile org.hazardwatch.api.exchange.ExchangeLinks exchangeLinks;
    private volatile org.hazardwatch.api.integration.LocalSystemIntake intake;
    private volatile RegistryTransfer transfer;
    private volatile org.hazardwatch.api.alarm.AlarmExport alarmExport;
    private volatile org.hazardwatch.api.accident.AccidentTransfer accidentTransfer;
    private volatile org.hazardwatch.api.analytics.StatisticsWorkbook statisticsWorkbook;
    private volatile org.hazardwatch.api.analytics.MonthlyReport monthlyReport;
    private volatile org.hazardwatch.api.disposal.DisposalReport disposalReport;
    private final java.util.Collection<ProtocolAdapter> adapters = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Activate
    public RestComponent(BundleContext context, @Reference HealthService health, @Reference AuthService auth,
            @Reference PointRepository points, @Reference SampleStore samples, @Reference AlarmStore alarms,
            @Reference RegistryService registry, @Reference HazardSourceService hazardSources,
            @Reference AlarmService alarmService, @Reference AlarmDefinitionService alarmDefinitions,
            @Reference LiveEventBus live, @Reference org.hazardwatch.api.alarm.AlarmKpiService alarmKpis,
            @Reference org.hazardwatch.api.warning.EarlyWarningService earlyWarning,
            @Reference org.hazardwatch.api.disposal.DisposalService disposals,
            @Reference org.hazardwatch.api.retention.RetentionService retention, @Reference AccessControl access,
            @Reference AuditLog audit, @Reference OrganisationService organisations, @Reference AccountService accounts,
            @Reference AccessGrantService grants, @Reference org.hazardwatch.api.exchange.ExchangeStore exchangeStore,
            @Reference org.hazardwatch.api.task.TaskService tasks,
            @Reference org.hazardwatch.api.registration.RegistrationService registrations,
            @Reference org.hazardwatch.api.danger.HiddenDangerService hiddenDangers,
            @Reference org.hazardwatch.api.equipment.EquipmentService equipment,
            @Reference org.hazardwatch.api.accident.AccidentService accidents,
            @Reference org.hazardwatch.api.analytics.HazardAnalytics hazardAnalytics,
            @Reference org.hazardwatch.api.analytics.AlarmAnalytics alarmAnalytics,
            @Reference org.hazardwatch.api.analytics.AccidentRelations accidentRelations,
            @Reference org.hazardwatch.api.analytics.OneMap oneMap,
            @Reference org.hazardwatch.api.analytics.WallDashboard wallDashboard) {
        ObjectMapper mapper = mapper();
        LiveAccessLog liveLog = new LiveAccessLog(audit, access);
        AlarmsResource alarmsResource = new AlarmsResource(alarmService, points, access, () -> alarmExport);
        Set<Object> singletons = Set.of(new JacksonJsonProvider(mapper), new ErrorMapper(), new AuthFilter(auth, access),
                new AuditFilter(audit, mapper), new NoStoreFilter(), new HealthResource(health),
                new AuthResource(auth, access, accounts, organisations),
                new PointsResource(points, samples, alarms, access, liveLog), alarmsResource,
                new AlarmDefinitionsResource(alarmDefinitions, points, access),
                new AlarmDefinitionCatalogResource(alarmDefinitions, points, access), new AlarmKpisResource(alarmKpis, access),
                new EarlyWarningResource(earlyWarning, points, access),
                new DisposalsResource(disposals, () -> disposalReport, access,
                        (caller, alarmId) -> alarmsResource.visibleTo(caller, alarmId).isPresent()), new AlarmDisposalResource(disposals, access),
                new EmergencyPlansResource(disposals, access), new RetentionResource(retention),
                new PointTrendResource(retention, points, access, liveLog), new LiveResource(() -> live, points, mapper, access, liveLog),
                new RoutesResource(() -> routeRegistry), new GradingResource(Gb18218Grader.create()),
                new RegistryResource(registry, access),
                new HazardSourcesResource(hazardSources, registry, access, samples, alarms),
                new RegistryTransferResource(() -> transfer, access), new AdaptersResource(() -> adapters), new OpenApiResource(),
                new OrganisationsResource(organisations, access), new UsersResource(accounts, access),
                new RolesResource(accounts, access), new AuditResource(audit, access), new AccessResource(grants, access),
                new ExchangeResource(() -> securityCentre, () -> exchangeLinks, exchangeStore, points, audit, access),
                new IntegrationResource(() -> intake, access), new TasksResource(tasks, access),
                new RegistrationsResource(registrations, access), new HiddenDangersResource(hiddenDangers, access),
                new EquipmentResource(equipment, access), new TodoResource(tasks, registrations, hiddenDangers, equipment, access),
                new AccidentsResource(accidents, () -> accidentTransfer, access),
                new AnalyticsResource(hazardAnalytics, alarmAnalytics, accidentRelations, () -> statisticsWorkbook, () -> monthlyReport, access),
                new OneMapResource(oneMap, wallDashboard, access));
        Application application = new Application() {
            @Override
            public Set<Object> getSingletons() {
                return singletons;
            }
        };
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, API_PATTERN);
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "hazardwatch-api");
        // CXF builds its bus and providers with the thread context class loader
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RestComponent.class.getClassLoader());
        try {
            registration = context.registerService(Servlet.class, new ContextClassLoaderServlet(
                    new CXFNonSpringJaxrsServlet(application), RestComponent.class.getClassLoader()), properties);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The security centre runs only at the national node; elsewhere its operations answer 503. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setSecurityCentre(org.hazardwatch.api.exchange.SecurityCentre centre) {
        this.securityCentre = centre;
    }

    void unsetSecurityCentre(org.hazardwatch.api.exchange.SecurityCentre centre) {
        if (this.securityCentre == centre) {
            this.securityCentre = null;
        }
    }

    /** The exchange links run with the feature hazardwatch-exchange; without it their operations answer 503. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setExchangeLinks(org.hazardwatch.api.exchange.ExchangeLinks links) {
        this.exchangeLinks = links;
    }

    void unsetExchangeLinks(org.hazardwatch.api.exchange.ExchangeLinks links) {
        if (this.exchangeLinks == links) {
            this.exchangeLinks = null;
        }
    }

    /** The integration feature runs at enterprise and county nodes; without it its operations answer 503. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setIntake(org.hazardwatch.api.integration.LocalSystemIntake service) {
        this.intake = service;
    }

    void unsetIntake(org.hazardwatch.api.integration.LocalSystemIntake service) {
        if (this.intake == service) {
            this.intake = null;
        }
    }

    /** JSON as the API speaks it: ISO times, permissions by their codes ("alarm:view"). */
    static ObjectMapper mapper() {
        SimpleModule permissions = new SimpleModule("hazardwatch-permissions");
        permissions.addSerializer(Permission.class, new JsonSerializer<Permission>() {
            @Override
            public void serialize(Permission value, JsonGenerator generator, SerializerProvider provider) throws java.io.IOException {
                generator.writeString(value.code());
            }
        });
        permissions.addDeserializer(Permission.class, new JsonDeserializer<Permission>() {
            @Override
            public Permission deserialize(JsonParser parser, DeserializationContext context) throws java.io.IOException {
                String code = parser.getValueAsString();
                return Permission.ofCode(code).orElseThrow(() -> new IllegalArgumentException("no permission " + code));
            }
        });
        return new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(permissions)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setRouteRegistry(RouteRegistry registry) {
        this.routeRegistry = registry;
    }

    void unsetRouteRegistry(RouteRegistry registry) {
        if (this.routeRegistry == registry) {
            this.routeRegistry = null;
        }
    }

    /** Adapter instances come and go with their configuration files. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAdapter(ProtocolAdapter adapter) {
        adapters.add(adapter);
    }

    void removeAdapter(ProtocolAdapter adapter) {
        adapters.remove(adapter);
    }

    /** Import/export is its own bundle (it embeds Apache POI); the API answers 503 while it is absent. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setTransfer(RegistryTransfer service) {
        this.transfer = service;
    }

    void unsetTransfer(RegistryTransfer service) {
        if (this.transfer == service) {
            this.transfer = null;
        }
    }

    /** PDF reports are their own bundle (PDFBox and a 10 MB font); the report answers 503 while it is absent. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setDisposalReport(org.hazardwatch.api.disposal.DisposalReport service) {
        this.disposalReport = service;
    }

    void unsetDisposalReport(org.hazardwatch.api.disposal.DisposalReport service) {
        if (this.disposalReport == service) {
            this.disposalReport = null;
        }
    }

    /** The alarm export comes with the import/export bundle too. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setAlarmExport(org.hazardwatch.api.alarm.AlarmExport service) {
        this.alarmExport = service;
    }

    void unsetAlarmExport(org.hazardwatch.api.alarm.AlarmExport service) {
        if (this.alarmExport == service) {
            this.alarmExport = null;
        }
    }

    /** The accident workbook comes with the import/export bundle too. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setAccidentTransfer(org.hazardwatch.api.accident.AccidentTransfer service) {
        this.accidentTransfer = service;
    }

    void unsetAccidentTransfer(org.hazardwatch.api.accident.AccidentTransfer service) {
        if (this.accidentTransfer == service) {
            this.accidentTransfer = null;
        }
    }

    /** The monthly report comes with the PDF reports bundle. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setMonthlyReport(org.hazardwatch.api.analytics.MonthlyReport service) {
        this.monthlyReport = service;
    }

    void unsetMonthlyReport(org.hazardwatch.api.analytics.MonthlyReport service) {
        if (this.monthlyReport == service) {
            this.monthlyReport = null;
        }
    }

    /** Statistics exports come with the import/export bundle too. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setStatisticsWorkbook(org.hazardwatch.api.analytics.StatisticsWorkbook service) {
        this.statisticsWorkbook = service;
    }

    void unsetStatisticsWorkbook(org.hazardwatch.api.analytics.StatisticsWorkbook service) {
        if (this.statisticsWorkbook == service) {
            this.statisticsWorkbook = null;
        }
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // unregistered while the bundle stopped
        }
    }
}
