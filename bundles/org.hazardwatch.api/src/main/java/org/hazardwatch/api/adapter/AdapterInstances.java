package org.hazardwatch.api.adapter;

import java.util.Map;

/** Helpers every adapter bundle needs for its factory configurations. */
public final class AdapterInstances {

    private AdapterInstances() {
    }

    /**
     * The instance name of a factory configuration: the configured {@code name}, else the part after the dash of
     * {@code etc/<factoryPid>-<name>.cfg}, else (before fileinstall wrote the file, as Karaf names factory
     * configurations of features) the part after the tilde of {@code <factoryPid>~<name>}.
     */
    public static String instanceName(String factoryPid, String configured, Map<String, Object> properties) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Object file = properties.get("felix.fileinstall.filename");
        String prefix = factoryPid + "-";
        if (file != null && file.toString().contains(prefix)) {
            String rest = file.toString().substring(file.toString().lastIndexOf(prefix) + prefix.length());
            return rest.endsWith(".cfg") ? rest.substring(0, rest.length() - 4) : rest;
        }
        String pid = String.valueOf(properties.getOrDefault("service.pid", factoryPid));
        int tilde = pid.lastIndexOf('~');
        return tilde >= 0 ? pid.substring(tilde + 1) : pid;
    }
}
