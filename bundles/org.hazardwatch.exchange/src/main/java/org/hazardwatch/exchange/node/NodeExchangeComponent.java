package org.hazardwatch.exchange.node;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hazardwatch.api.health.Health;
import org.hazardwatch.api.health.HealthIndicator;
import org.hazardwatch.api.health.HealthStatus;
import org.hazardwatch.exchange.envelope.Identity;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's exchange identity alive once it has enrolled: a signed heartbeat to the security centre every
 * minute, the revocation list every five minutes (a revoked node is refused soon after), renewal in the certificate's last 30 days. Its health shows under
 * {@code exchange-identity} (only on enrolled nodes).
 */
@Component(service = NodeExchangeComponent.class, immediate = true)
public class NodeExchangeComponent {

    static final Duration HEARTBEAT_EVERY = Duration.ofMinutes(1);
    static final Duration CRL_EVERY = Duration.ofMinutes(5);
    static final Duration RENEW_WITHIN = Duration.ofDays(30);

    private final Logger logger = LoggerFactory.getLogger(NodeExchangeComponent.class);
    private final NodeExchange node;
    private final BundleContext context;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hazardwatch-exchange-node");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Instant lastHeartbeat;
    private volatile String lastProblem;
    private volatile Instant problemSince;
    private ServiceRegistration<HealthIndicator> health;

    @Activate
    public NodeExchangeComponent(BundleContext context) {
        this.context = context;
        this.node = new NodeExchange(Path.of(System.getProperty("karaf.data", "data"), "hazardwatch", "exchange"), Clock.systemUTC());
        scheduler.scheduleWithFixedDelay(this::heartbeat, 5, HEARTBEAT_EVERY.toSeconds(), TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::maintain, 30, CRL_EVERY.toSeconds(), TimeUnit.SECONDS);
        if (node.identity().isPresent()) {
            registerHealth();
        }
    }

    public NodeExchange node() {
        return node;
    }

    /** Enrols now and starts the heartbeats. */
    public synchronized Identity enrol(URI centre, String organisationCode, String token) throws Exception {
        Identity identity = node.enrol(centre, organisationCode, token);
        registerHealth();
        scheduler.execute(this::heartbeat);
        scheduler.execute(this::maintain);
        logger.info("Enrolled at {} as {}: certificate {} valid until {}", centre, identity.organisationCode(), identity.serial(),
                identity.certificate().getNotAfter().toInstant());
        return identity;
    }

    public Instant lastHeartbeat() {
        return lastHeartbeat;
    }

    public String lastProblem() {
        return lastProblem;
    }

    private void heartbeat() {
        if (node.identity().isEmpty() || node.centre().isEmpty()) {
            return;
        }
        try {
            node.heartbeat(localAddress());
            lastHeartbeat = Instant.now();
            lastProblem = null;
            problemSince = null;
        } catch (Exception e) {
            problem("heartbeat: " + e.getMessage());
        }
    }

    private void maintain() {
        if (node.identity().isEmpty() || node.centre().isEmpty()) {
            return;
        }
        try {
            node.refreshRevocationList();
            if (node.renewalDue(RENEW_WITHIN)) {
                Identity renewed = node.renew();
                logger.info("Renewed the exchange certificate: {} valid until {}", renewed.serial(),
                        renewed.certificate().getNotAfter().toInstant());
            }
        } catch (Exception e) {
            problem("revocation list / renewal: " + e.getMessage());
        }
    }

    private void problem(String message) {
        if (lastProblem == null || !lastProblem.equals(message)) {
            logger.warn("Exchange identity: {}", message);
        }
        lastProblem = message;
        if (problemSince == null) {
            problemSince = Instant.now();
        }
    }

    private synchronized void registerHealth() {
        if (health != null) {
            return;
        }
        health = context.registerService(HealthIndicator.class, new HealthIndicator() {
            @Override
            public String componentName() {
                return "exchange-identity";
            }

            @Override
            public Health check() {
                Identity identity = node.identity().orElse(null);
                if (identity == null) {
                    return Health.down("not enrolled");
                }
                Instant until = identity.certificate().getNotAfter().toInstant();
                String detail = "enrolled as " + identity.organisationCode() + ", certificate " + identity.serial() + " until " + until
                        + (lastHeartbeat == null ? ", no heartbeat yet" : ", last heartbeat " + lastHeartbeat);
                if (until.isBefore(Instant.now())) {
                    return Health.down(detail + ": the certificate has expired");
                }
                if (problemSince != null && problemSince.isBefore(Instant.now().minus(Duration.ofMinutes(5)))) {
                    return new Health(HealthStatus.DEGRADED, detail + "; " + lastProblem);
                }
                return Health.up(detail);
            }
        }, null);
    }

    private static String localAddress() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return null;
        }
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
        if (health != null) {
            try {
                health.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
        }
    }
}
