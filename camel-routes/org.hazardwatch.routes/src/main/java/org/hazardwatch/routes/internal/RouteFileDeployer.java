package org.hazardwatch.routes.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.hazardwatch.api.routes.RouteFileStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot deployment of route files: every {@code .yaml}/{@code .yml} (Camel YAML DSL) and {@code .xml} (Camel XML IO
 * DSL) file in the watched folder runs as routes in one CamelContext. {@link #scan()} compares the folder with what
 * is deployed: a new file is loaded, a changed file is reloaded (its old routes removed first), a deleted file's
 * routes are removed. A file that fails to load leaves no routes behind and does not affect the other files.
 */
public class RouteFileDeployer {

    private final Logger logger = LoggerFactory.getLogger(RouteFileDeployer.class);
    private final CamelContext context;
    private final Path directory;
    private final Map<Path, Deployed> deployed = new LinkedHashMap<>();

    private record Deployed(long modified, long size, List<String> routeIds, String error, Instant loadedAt) {
    }

    public RouteFileDeployer(CamelContext context, Path directory) {
        this.context = context;
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    static boolean isRouteFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".xml"));
    }

    /** Brings the deployed routes in line with the folder. Returns true when anything changed. */
    public synchronized boolean scan() {
        Map<Path, long[]> present = new LinkedHashMap<>();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
                for (Path file : files) {
                    if (Files.isRegularFile(file) && isRouteFile(file)) {
                        present.put(file, new long[] { Files.getLastModifiedTime(file).toMillis(), Files.size(file) });
                    }
                }
            } catch (IOException e) {
                logger.warn("Cannot list route folder {}: {}", directory, e.getMessage());
                return false;
            }
        }
        boolean changed = false;
        for (Path file : new ArrayList<>(deployed.keySet())) {
            if (!present.containsKey(file)) {
                removeRoutes(deployed.remove(file).routeIds());
                logger.info("Route file {} removed: its routes are stopped and removed", file.getFileName());
                changed = true;
            }
        }
        for (Map.Entry<Path, long[]> entry : present.entrySet()) {
            Deployed current = deployed.get(entry.getKey());
            long modified = entry.getValue()[0];
            long size = entry.getValue()[1];
            if (current == null || current.modified() != modified || current.size() != size) {
                if (current != null) {
                    removeRoutes(current.routeIds());
                }
                deployed.put(entry.getKey(), load(entry.getKey(), modified, size));
                changed = true;
            }
        }
        return changed;
    }

    private Deployed load(Path file, long modified, long size) {
        Set<String> before = routeIds();
        try {
            Resource resource = ResourceHelper.resolveMandatoryResource(context, "file:" + file.toAbsolutePath());
            PluginHelper.getRoutesLoader(context).loadRoutes(resource);
            List<String> added = new ArrayList<>(routeIds());
            added.removeAll(before);
            if (added.isEmpty()) {
                // an unreadable or empty file is an operator mistake, not a silent no-op
                throw new IllegalArgumentException("the file defines no routes (is it a Camel YAML DSL or XML IO DSL file?)");
            }
            logger.info("Route file {} deployed: routes {}", file.getFileName(), added);
            return new Deployed(modified, size, added, null, Instant.now());
        } catch (Exception e) {
            List<String> partial = new ArrayList<>(routeIds());
            partial.removeAll(before);
            removeRoutes(partial);
            String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            logger.warn("Route file {} not deployed: {}", file.getFileName(), reason);
            return new Deployed(modified, size, List.of(), reason, Instant.now());
        }
    }

    private Set<String> routeIds() {
        Set<String> ids = new HashSet<>();
        for (Route route : context.getRoutes()) {
            ids.add(route.getRouteId());
        }
        return ids;
    }

    private void removeRoutes(List<String> ids) {
        for (String id : ids) {
            try {
                context.getRouteController().stopRoute(id);
                context.removeRoute(id);
            } catch (Exception e) {
                logger.warn("Cannot remove route {}: {}", id, e.getMessage());
            }
        }
    }

    /** Source file of each deployed route id. */
    public synchronized Map<String, String> sourcesByRoute() {
        Map<String, String> sources = new LinkedHashMap<>();
        deployed.forEach((file, state) -> state.routeIds().forEach(id -> sources.put(id, file.getFileName().toString())));
        return sources;
    }

    public synchronized List<RouteFileStatus> status() {
        List<RouteFileStatus> status = new ArrayList<>();
        deployed.forEach((file, state) -> status.add(new RouteFileStatus(file.getFileName().toString(), state.routeIds(),
                state.error(), state.loadedAt())));
        return status;
    }

    /** Removes every deployed route (on shutdown). */
    public synchronized void undeployAll() {
        deployed.values().forEach(state -> removeRoutes(state.routeIds()));
        deployed.clear();
    }
}
