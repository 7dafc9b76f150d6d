package org.hazardwatch.exchange.centre;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.hazardwatch.api.exchange.CertificateRegistry;
import org.hazardwatch.api.exchange.SecurityCentre;
import org.hazardwatch.exchange.envelope.SmCertificates;
import org.hazardwatch.exchange.envelope.SmCrypto;
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
 * Runs the security centre at the national node (or wherever it is switched on). Its authority key and certificate
 * are created at the first start under {@code data/hazardwatch/security-centre/} (key owner-readable only) and kept
 * from then on: every certificate of the tree chains to them, so back that directory up.
 */
@Component(immediate = true, configurationPid = {"org.hazardwatch", "org.hazardwatch.exchange"},
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class SecurityCentreComponent {

    static final Duration AUTHORITY_VALIDITY = Duration.ofDays(20 * 365);
    private final Logger logger = LoggerFactory.getLogger(SecurityCentreComponent.class);
    private ServiceRegistration<SecurityCentre> registration;

    @Activate
    public SecurityCentreComponent(BundleContext context, @Reference CertificateRegistry registry, ExchangeConfig config) {
        if (!enabled(config)) {
            return;
        }
        Path directory = Path.of(System.getProperty("karaf.data", "data"), "hazardwatch", "security-centre");
        try {
            Authority authority = loadOrCreate(directory, config.security_centre_name());
            registration = context.registerService(SecurityCentre.class,
                    new SmSecurityCentre(registry, authority.certificate(), authority.key(), Clock.systemUTC()), null);
            logger.info("Security centre running: authority {} (serial {}), valid until {}",
                    authority.certificate().getSubjectX500Principal().getName(), SmCertificates.serial(authority.certificate()),
                    authority.certificate().getNotAfter().toInstant());
        } catch (IOException | RuntimeException e) {
            logger.error("The security centre cannot start: {}", e.getMessage(), e);
        }
    }

    static boolean enabled(ExchangeConfig config) {
        String env = System.getenv("HAZARDWATCH_SECURITY_CENTRE");
        String setting = (env != null && !env.isBlank() ? env : config.security_centre()).strip().toLowerCase(Locale.ROOT);
        String envLevel = System.getenv("HAZARDWATCH_LEVEL");
        String level = (envLevel != null && !envLevel.isBlank() ? envLevel : config.level()).strip().toLowerCase(Locale.ROOT);
        return switch (setting) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> level.equals("national");
        };
    }

    record Authority(X509Certificate certificate, PrivateKey key) {
    }

    static Authority loadOrCreate(Path directory, String name) throws IOException {
        Path keyFile = directory.resolve("authority-key.pem");
        Path certificateFile = directory.resolve("authority.pem");
        if (Files.exists(keyFile) && Files.exists(certificateFile)) {
            try (Reader keyReader = Files.newBufferedReader(keyFile); PEMParser keyParser = new PEMParser(keyReader)) {
                PrivateKey key = new JcaPEMKeyConverter().setProvider(SmCrypto.PROVIDER).getPrivateKey((PrivateKeyInfo) keyParser.readObject());
                return new Authority(SmSecurityCentre.parse(Files.readString(certificateFile)), key);
            }
        }
        Files.createDirectories(directory);
        KeyPair keys = SmCrypto.newSm2KeyPair();
        X509Certificate certificate = SmCertificates.authority(name, keys, Instant.now().minusSeconds(60), AUTHORITY_VALIDITY);
        Files.writeString(keyFile, SmSecurityCentre.pem(new JcaPKCS8Generator(keys.getPrivate(), null).generate()));
        try {
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions protect it
        }
        Files.writeString(certificateFile, SmSecurityCentre.pem(certificate));
        return new Authority(certificate, keys.getPrivate());
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
        }
    }
}
