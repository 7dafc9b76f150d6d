package org.hazardwatch.core.internal.health;

import org.hazardwatch.api.health.Health;
import org.hazardwatch.api.health.HealthIndicator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Whether this node is the active or the standby collector of an active/standby pair (requirement H4). The pair is
 * Karaf's own container lock on the shared PostgreSQL database ({@code karaf.lock.class} a JDBC lock, set up by
 * {@code ./hazardwatch} from {@code HAZARDWATCH_FAILOVER_CLUSTER}): the node holding the lock runs at the full start
 * level; the other waits at {@code karaf.lock.level}, below the adapters' start level, so it serves the web app and the
 * API but reads nothing, and takes over as soon as the active node's database connection (and with it the lock) is
 * gone.
 */
@Component(service = HealthIndicator.class, immediate = true)
public class FailoverRole implements HealthIndicator {

    private final BundleContext context;

    @Activate
    public FailoverRole(BundleContext context) {
        this.context = context;
    }

    /** ACTIVE, STANDBY or STANDALONE. */
    public String role() {
        return roleOf(context);
    }

    /** The role of the node the bundle context belongs to: background jobs skip their work on a STANDBY node. */
    public static String roleOf(BundleContext context) {
        String lockClass = context.getProperty("karaf.lock.class");
        boolean paired = "true".equalsIgnoreCase(context.getProperty("karaf.lock")) && lockClass != null
                && lockClass.contains("JDBCLock");
        if (!paired) {
            return "STANDALONE";
        }
        int level = context.getBundle(0).adapt(FrameworkStartLevel.class).getStartLevel();
        return level <= number(context.getProperty("karaf.lock.level"), 50) ? "STANDBY" : "ACTIVE";
    }

    private static int number(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public String componentName() {
        return "failover";
    }

    @Override
    public Health check() {
        String cluster = context.getProperty("karaf.lock.jdbc.clustername");
        return switch (role()) {
            case "ACTIVE" -> Health.up("active collector of pair '" + cluster + "' (holds the lock)");
            case "STANDBY" -> Health.up("standby collector of pair '" + cluster
                    + "': reads nothing, takes over when the active node's lock is released");
            default -> Health.up("standalone (no standby configured)");
        };
    }
}
