package org.hazardwatch.core.internal.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.hazardwatch.api.auth.AuthService;
import org.hazardwatch.core.internal.HazardWatchConfig;
import org.hazardwatch.core.internal.db.MigratedDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login service. At first start it creates the {@code admin} account with the password from the environment
 * variable {@code HAZARDWATCH_ADMIN_PASSWORD}, or a generated one that is written to the log and to
 * {@code data/hazardwatch/initial-admin-password} (owner-readable only; deleted when the password is changed).
 */
@Component(service = AuthService.class, configurationPid = "org.hazardwatch", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class AuthComponent extends JdbcAuthService {

    private final Logger logger = LoggerFactory.getLogger(AuthComponent.class);

    @Activate
    public AuthComponent(@Reference MigratedDatabase database, HazardWatchConfig config) {
        super(database.dataSource(), Duration.ofMinutes(config.session_ttl_minutes()), Clock.systemUTC());
        Optional<String> generated = ensureAdmin(System.getenv("HAZARDWATCH_ADMIN_PASSWORD"));
        generated.ifPresent(this::announce);
    }

    @Override
    public void changePassword(String username, char[] currentPassword, char[] newPassword) {
        super.changePassword(username, currentPassword, newPassword);
        if (ADMIN.equals(username)) {
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
}
