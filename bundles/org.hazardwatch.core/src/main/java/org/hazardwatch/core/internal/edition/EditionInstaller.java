package org.hazardwatch.core.internal.edition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.BundleContext;
import org.hazardwatch.core.internal.HazardWatchConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the features of this node's edition at start. The edition feature's dependencies are installed one by
 * one as top-level features so that ops can hot-swap each of them ({@code feature:uninstall
 * hazardwatch-adapter-opcua}) without the edition pinning it. Installation runs off the activation thread and
 * without refreshing already running bundles. The installed selection is remembered in this bundle's data area
 * (which lives and dies with Karaf's feature state in data/cache): a restart with the same selection installs
 * nothing, so features that ops removed stay removed until the level or the simulator setting changes.
 */
@Component(service = EditionInstaller.class, immediate = true, configurationPid = "org.hazardwatch",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HazardWatchConfig.class)
public class EditionInstaller {

    static final String SIMULATOR_FEATURE = "hazardwatch-simulator";

    private final Logger logger = LoggerFactory.getLogger(EditionInstaller.class);
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "hazardwatch-edition"));
    private final FeaturesService features;
    private final String level;
    private final Edition edition;
    private final boolean simulator;
    private final Path marker;

    @Activate
    public EditionInstaller(BundleContext bundleContext, @Reference FeaturesService features, HazardWatchConfig config) {
        this.features = features;
        this.marker = bundleContext.getDataFile("edition").toPath();
        this.level = level(config);
        this.simulator = simulator(config);
        Edition selected = null;
        try {
            selected = Edition.forLevel(level);
        } catch (IllegalArgumentException e) {
            logger.error("Not installing an edition: {}", e.getMessage());
        }
        this.edition = selected;
        if (selected != null) {
            executor.submit(this::install);
        }
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    /** The node's level: HAZARDWATCH_LEVEL, else the configuration. */
    public static String level(HazardWatchConfig config) {
        String envLevel = System.getenv("HAZARDWATCH_LEVEL");
        return envLevel != null && !envLevel.isBlank() ? envLevel : config.level();
    }

    /** Whether the simulator is wanted: HAZARDWATCH_SIMULATOR, else the configuration (regulator editions never run it). */
    public static boolean simulator(HazardWatchConfig config) {
        String envSimulator = System.getenv("HAZARDWATCH_SIMULATOR");
        return envSimulator != null && !envSimulator.isBlank() ? Boolean.parseBoolean(envSimulator) : config.simulator();
    }

    public String level() {
        return level;
    }

    public Edition edition() {
        return edition;
    }

    public boolean simulatorEnabled() {
        return simulator;
    }

    private void install() {
        try {
            Feature editionFeature = features.getFeature(edition.feature());
            if (editionFeature == null) {
                logger.error("Edition feature {} is not in any features repository", edition.feature());
                return;
            }
            Set<String> wanted = new LinkedHashSet<>();
            for (Dependency dependency : editionFeature.getDependencies()) {
                wanted.add(dependency.getName());
            }
            if (simulator && edition != Edition.REGULATOR) {
                wanted.add(SIMULATOR_FEATURE);
            }
            String selection = edition.feature() + (wanted.contains(SIMULATOR_FEATURE) ? "+" + SIMULATOR_FEATURE : "");
            if (selection.equals(readMarker())) {
                logger.info("Edition {} (level {}) was installed before; leaving features as ops left them", selection, level);
                return;
            }
            Set<String> missing = new LinkedHashSet<>();
            for (String name : wanted) {
                if (!isInstalledOrRequired(name)) {
                    missing.add(name);
                }
            }
            if (!missing.isEmpty()) {
                logger.info("Installing edition {} (level {}): {}", edition.feature(), level, missing);
                features.installFeatures(missing, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            }
            writeMarker(selection);
            logger.info("Edition {} installed", selection);
        } catch (Exception e) {
            logger.error("Installing edition {} failed", edition.feature(), e);
        }
    }

    private String readMarker() {
        try {
            return Files.readString(marker).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private void writeMarker(String selection) {
        try {
            Files.writeString(marker, selection + "\n");
        } catch (IOException e) {
            logger.warn("Cannot record the installed edition in {}: {}", marker, e.getMessage());
        }
    }

    private boolean isInstalledOrRequired(String name) throws Exception {
        for (Feature feature : features.getFeatures(name)) {
            if (features.isInstalled(feature) || features.isRequired(feature)) {
                return true;
            }
        }
        return false;
    }
}
