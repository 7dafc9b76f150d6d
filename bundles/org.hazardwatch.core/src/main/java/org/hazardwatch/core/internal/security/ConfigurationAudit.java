package org.hazardwatch.core.internal.security;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.hazardwatch.api.security.AuditEntry;
import org.hazardwatch.api.security.AuditLog;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every change of HazardWatch's configuration (the etc/org.hazardwatch*.cfg files, whether edited on disk, by
 * {@code config:edit} in the shell or by a feature) in the audit log with the values before and after. Secrets
 * (keys naming a password, secret or token) are replaced by "***".
 */
@Component(service = ConfigurationListener.class, immediate = true)
public class ConfigurationAudit implements ConfigurationListener {

    private static final String PREFIX = "org.hazardwatch";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final Logger logger = LoggerFactory.getLogger(ConfigurationAudit.class);
    private final AuditLog audit;
    private final ConfigurationAdmin configurations;
    private final Map<String, Map<String, String>> known = new ConcurrentHashMap<>();

    @Activate
    public ConfigurationAudit(@Reference AuditLog audit, @Reference ConfigurationAdmin configurations) {
        this.audit = audit;
        this.configurations = configurations;
        try {
            Configuration[] all = configurations.listConfigurations("(service.pid=" + PREFIX + "*)");
            for (Configuration c : all == null ? new Configuration[0] : all) {
                known.put(c.getPid(), flatten(c.getProperties()));
            }
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            logger.warn("Could not read the configurations to audit their changes: {}", e.getMessage());
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        if (pid == null || !pid.startsWith(PREFIX)) {
            return;
        }
        Map<String, String> before = known.get(pid);
        Map<String, String> after = null;
        if (event.getType() != ConfigurationEvent.CM_DELETED) {
            try {
                Configuration configuration = configurations.getConfiguration(pid, "?");
                after = flatten(configuration.getProperties());
            } catch (IOException e) {
                logger.warn("Could not read configuration {}: {}", pid, e.getMessage());
                return;
            }
        }
        if (after == null) {
            known.remove(pid);
        } else {
            if (after.equals(before)) {
                return;
            }
            known.put(pid, after);
        }
        try {
            audit.append(new AuditEntry.Draft("system:configuration", "Karaf configuration", "", null,
                    after == null ? "config.delete" : "config.update", "configuration", pid, "OK", json(before), json(after),
                    "etc/" + pid + ".cfg"));
        } catch (RuntimeException e) {
            logger.error("AUDIT WRITE FAILED for the change of {}: {}", pid, e.getMessage());
        }
    }

    /** The properties a person sets, sorted, without the framework's bookkeeping, secrets masked. */
    static Map<String, String> flatten(Dictionary<String, Object> properties) {
        Map<String, String> flat = new TreeMap<>();
        if (properties == null) {
            return flat;
        }
        for (String key : Collections.list(properties.keys())) {
            if (key.startsWith("service.") || key.startsWith("felix.") || key.equals("component.name") || key.equals("component.id")) {
                continue;
            }
            Object value = properties.get(key);
            String lower = key.toLowerCase(Locale.ROOT);
            boolean secret = lower.contains("password") || lower.contains("secret") || lower.contains("token");
            flat.put(key, secret ? "***" : value instanceof Object[] array ? java.util.Arrays.toString(array) : String.valueOf(value));
        }
        return flat;
    }

    private static String json(Map<String, String> values) {
        try {
            return values == null ? null : JSON.writeValueAsString(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(values);
        }
    }
}
