package org.hazardwatch.core.internal.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.hazardwatch.api.auth.AuthService;
import org.hazardwatch.api.auth.PasswordPolicy;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.AccessGrantService;
import org.hazardwatch.api.security.AccountService;
import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.OrganisationService;
import org.hazardwatch.core.internal.HazardWatchConfig;
import org.hazardwatch.core.internal.auth.JdbcAuthService;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login, organisations, accounts, roles, authorised access and the audit log, built on one database and published
 * as their services. At first start it creates the national root organisation, the built-in roles and the
 * {@code admin} account (password from {@code HAZARDWATCH_ADMIN_PASSWORD}, or generated, logged and written to
 * {@code data/hazardwatch/initial-admin-password}, owner-readable, deleted when the password is changed).
 */
// registered by hand (one instance each, built together): declared so feature resolution knows they are provided
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=org.hazardwatch.api.auth.AuthService")
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=org.hazardwatch.api.security.AuditLog")
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=org.hazardwatch.api.security.OrganisationService")
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=org.hazardwatch.api.security.AccountService")
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=org.hazardwatch.api.security.AccessGrantService")
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=org.hazardwatch.api.security.AccessControl")
@Component(immediate = true, configurationPid = {"org.hazardwatch", "org.hazardwatch.security"},
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class SecurityComponent {

    private final Logger logger = LoggerFactory.getLogger(SecurityComponent.class);
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    /** Everything the component builds, for tests and benchmarks that run without OSGi. */
    public record Services(JdbcAuthService auth, JdbcAuditLog audit, JdbcOrganisations organisations, JdbcAccounts accounts,
            JdbcAccessGrants grants, CallerDirectory directory) {
    }

    @Activate
    public SecurityComponent(BundleContext context, @Reference MigratedDatabase database, HazardWatchConfig node,
            SecurityConfig config) {
        Services services = create(database.dataSource(), policy(node, config), config.totp_issuer(), Clock.systemUTC());
        Optional<String> generated = bootstrap(database.dataSource(), services, config.root_organisation_name(),
                System.getenv("HAZARDWATCH_ADMIN_PASSWORD"));
        generated.ifPresent(this::announce);
        registrations.add(context.registerService(AuthService.class, new AdminPasswordFileCleanup(services.auth()), null));
        registrations.add(context.registerService(AuditLog.class, services.audit(), null));
        registrations.add(context.registerService(OrganisationService.class, services.organisations(), null));
        registrations.add(context.registerService(AccountService.class, services.accounts(), null));
        registrations.add(context.registerService(AccessGrantService.class, services.grants(), null));
        registrations.add(context.registerService(AccessControl.class, services.directory(), null));
        // a long chain takes a while to verify: do not hold up the start
        Thread verifier = new Thread(() -> AuditAnchor.logHead(services.audit(), logger), "hazardwatch-audit-anchor");
        verifier.setDaemon(true);
        verifier.start();
    }

    static PasswordPolicy policy(HazardWatchConfig node, SecurityConfig config) {
        return new PasswordPolicy(config.password_min_length(), config.password_min_classes(), config.lockout_max_failures(),
                config.lockout_minutes(), node.session_ttl_minutes(), config.session_idle_minutes());
    }

    public static Services create(DataSource dataSource, PasswordPolicy policy, String totpIssuer, Clock clock) {
        JdbcAuditLog audit = new JdbcAuditLog(dataSource, clock);
        CallerDirectory[] directory = new CallerDirectory[1];
        Runnable invalidate = () -> {
            if (directory[0] != null) {
                directory[0].invalidate();
            }
        };
        JdbcAuthService auth = new JdbcAuthService(dataSource, policy, totpIssuer, audit, clock);
        JdbcOrganisations organisations = new JdbcOrganisations(dataSource, clock, invalidate);
        JdbcAccounts accounts = new JdbcAccounts(dataSource, organisations, auth, clock, invalidate);
        JdbcAccessGrants grants = new JdbcAccessGrants(dataSource, clock, invalidate);
        directory[0] = new CallerDirectory(dataSource, accounts, organisations, grants, clock);
        return new Services(auth, audit, organisations, accounts, grants, directory[0]);
    }

    /**
     * Root organisation, built-in roles, the first administrator; accounts from before organisations existed go to
     * the root as system administrators and auditors.
     *
     * @return the generated admin password, when one was generated
     */
    public static Optional<String> bootstrap(DataSource dataSource, Services services, String rootName, String configuredAdminPassword) {
        // nodes sharing a database (failover pairs) start together: one bootstraps, the other then finds it done
        try (java.sql.Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (java.sql.PreparedStatement s = lock.prepareStatement("SELECT name FROM app_lock WHERE name = 'security-bootstrap' FOR UPDATE")) {
                s.executeQuery().close();
                Optional<String> generated = bootstrapLocked(services, rootName, configuredAdminPassword);
                lock.commit();
                return generated;
            } catch (java.sql.SQLException | RuntimeException e) {
                lock.rollback();
                throw e;
            }
        } catch (java.sql.SQLException e) {
            throw org.hazardwatch.core.internal.db.Jdbc.failure("bootstrapping accounts", e);
        }
    }

    private static Optional<String> bootstrapLocked(Services services, String rootName, String configuredAdminPassword) {
        long root = services.organisations().ensureRoot(rootName);
        Map<String, Long> roles = services.accounts().syncBuiltInRoles();
        Optional<String> generated = services.auth().ensureAdmin(configuredAdminPassword);
        int adopted = services.accounts().adoptOrphans(root, List.of(roles.get("SYSTEM_ADMIN"), roles.get("AUDITOR")));
        if (adopted > 0) {
            services.audit().append(new AuditEntry.Draft("system", null, "", null, "organisation.adopt", "organisation",
                    Long.toString(root), "OK", null, null, adopted + " account(s) placed in the root organisation as "
                            + "system administrator and auditor"));
        }
        return generated;
    }

    private static Optional<Path> initialPasswordFile() {
        String data = System.getProperty("karaf.data");
        return data == null ? Optional.empty() : Optional.of(Path.of(data, "hazardwatch", "initial-admin-password"));
    }

    private void announce(String password) {
        logger.warn("\n****************************************************************\n"
                + " HazardWatch created the initial account: user 'admin', password '{}'\n"
                + " Change it after the first login.\n"
                + "****************************************************************", password);
        if (initialPasswordFile().isEmpty()) {
            return;
        }
        Path file = initialPasswordFile().get();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, password + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            logger.warn("Could not write {}: {}", file, e.getMessage());
        }
    }

    /** The auth service, deleting the initial password file once the admin chose their own password. */
    private final class AdminPasswordFileCleanup extends DelegatingAuthService {
        AdminPasswordFileCleanup(JdbcAuthService delegate) {
            super(delegate);
        }

        @Override
        public void changePassword(String username, char[] currentPassword, char[] newPassword) {
            super.changePassword(username, currentPassword, newPassword);
            if (JdbcAuthService.ADMIN.equals(username)) {
                initialPasswordFile().ifPresent(file -> {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        logger.warn("Could not delete {}: {}", file, e.getMessage());
                    }
                });
            }
            logger.info("Password of {} changed; its sessions ended", username);
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered while the bundle stopped
            }
        }
    }
}
