package org.hazardwatch.routes.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.hazardwatch.api.routes.RouteFileStatus;
import org.hazardwatch.api.routes.RouteInfo;
import org.hazardwatch.api.routes.RouteRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;

import jakarta.jms.ConnectionFactory;

/**
 * The CamelContext of hot-deployed route files ({@value #CONTEXT_NAME}), and the node's {@link RouteRegistry} over
 * every CamelContext service. Route files can use the {@code jms} component (the node's broker).
 */
@Component(service = RouteRegistry.class, immediate = true, configurationPid = "org.hazardwatch.routes",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RoutesConfig.class)
public class RoutesComponent implements RouteRegistry {

    static final String CONTEXT_NAME = "hazardwatch-routefiles";

    private final Logger logger = LoggerFactory.getLogger(RoutesComponent.class);
    private final List<CamelContext> contexts = new CopyOnWriteArrayList<>();
    private final DefaultCamelContext context;
    private final CachingConnectionFactory connections;
    private final RouteFileDeployer deployer;
    private final ScheduledExecutorService scanner;
    private final ServiceRegistration<CamelContext> registration;

    @Activate
    public RoutesComponent(BundleContext bundleContext, RoutesConfig config,
            @Reference(target = "(hazardwatch.broker=*)") ConnectionFactory connectionFactory) throws Exception {
        Path directory = config.directory().isBlank()
                ? Path.of(System.getProperty("karaf.base", "."), "routes")
                : Path.of(config.directory());
        Files.createDirectories(directory);
        context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(CONTEXT_NAME);
        context.setApplicationContextClassLoader(RoutesComponent.class.getClassLoader());
        connections = new CachingConnectionFactory(connectionFactory);
        context.addComponent("jms", JmsComponent.jmsComponentAutoAcknowledge(connections));
        context.start();
        deployer = new RouteFileDeployer(context, directory);
        deployer.scan();
        registration = bundleContext.registerService(CamelContext.class, context, null);
        scanner = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "hazardwatch-route-files"));
        scanner.scheduleWithFixedDelay(this::scanQuietly, config.scan_interval_ms(), config.scan_interval_ms(),
                TimeUnit.MILLISECONDS);
        logger.info("Watching {} for route files", directory);
    }

    private void scanQuietly() {
        try {
            deployer.scan();
        } catch (RuntimeException e) {
            logger.warn("Route folder scan failed", e);
        }
    }

    @Deactivate
    void deactivate() {
        scanner.shutdownNow();
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregistered it
        }
        deployer.undeployAll();
        context.stop();
        connections.destroy();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContext(CamelContext camelContext) {
        contexts.add(camelContext);
    }

    void removeContext(CamelContext camelContext) {
        contexts.remove(camelContext);
    }

    @Override
    public List<RouteInfo> routes() {
        Map<String, String> fileSources = deployer.sourcesByRoute();
        List<RouteInfo> routes = new ArrayList<>();
        for (CamelContext camelContext : contexts) {
            ManagedCamelContext managed = camelContext.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
            for (Route route : camelContext.getRoutes()) {
                String id = route.getRouteId();
                ManagedRouteMBean stats = managed == null ? null : managed.getManagedRoute(id);
                String source = camelContext == context ? "routes/" + fileSources.getOrDefault(id, "?") : "Java DSL";
                routes.add(new RouteInfo(camelContext.getName(), id,
                        String.valueOf(camelContext.getRouteController().getRouteStatus(id)), source,
                        stats == null ? -1 : stats.getExchangesTotal(), stats == null ? -1 : stats.getExchangesFailed(),
                        stats == null ? -1 : stats.getExchangesInflight()));
            }
        }
        routes.sort(Comparator.comparing(RouteInfo::context).thenComparing(RouteInfo::id));
        return routes;
    }

    @Override
    public List<RouteFileStatus> routeFiles() {
        return deployer.status();
    }
}
