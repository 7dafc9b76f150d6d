package org.hazardwatch.core.internal.points;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.store.PointRepository;
import org.hazardwatch.core.internal.HazardWatchConfig;
import org.hazardwatch.core.internal.edition.Edition;
import org.hazardwatch.core.internal.edition.EditionInstaller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the point catalogue file into the point repository at start and on {@code hazardwatch:points-reload}. */
@Component(service = PointCatalogComponent.class, configurationPid = "org.hazardwatch",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class PointCatalogComponent {

    private final Logger logger = LoggerFactory.getLogger(PointCatalogComponent.class);
    private final PointRepository repository;
    private final Path file;
    /**
     * City, province and national nodes read no plant: their points are copies of the lower nodes' points, sent up with
     * the enterprise code in their ids. The default catalogue (the simulated tank farm's points) is not loaded there;
     * a catalogue file configured explicitly is.
     */
    private final boolean noOwnPlant;

    @Activate
    public PointCatalogComponent(@Reference PointRepository repository, HazardWatchConfig config) {
        this.repository = repository;
        String configured = config.points_file();
        this.noOwnPlant = configured.isBlank()
                && Edition.forLevel(EditionInstaller.level(config)) == Edition.REGULATOR;
        this.file = configured.isBlank()
                ? Path.of(System.getProperty("karaf.etc", "etc"), "hazardwatch", "points.csv")
                : Path.of(configured);
        try {
            reload();
        } catch (IOException e) {
            logger.error("Cannot read the point catalogue {}: {}", file, e.getMessage());
        }
    }

    /** Loads the file again; returns the parse result (points saved, rows rejected). */
    public PointCatalog.Result reload() throws IOException {
        if (noOwnPlant) {
            logger.info("No point catalogue loaded: a regulator node's points arrive from the nodes below it (set points.file to load one)");
            return new PointCatalog.Result(java.util.List.of(), java.util.List.of());
        }
        if (!Files.exists(file)) {
            logger.info("No point catalogue at {}", file);
            return new PointCatalog.Result(java.util.List.of(), java.util.List.of());
        }
        PointCatalog.Result result;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            result = PointCatalog.parse(reader);
        }
        for (MonitoringPoint point : result.points()) {
            repository.save(point);
        }
        result.errors().forEach(error -> logger.warn("{}: {}", file, error));
        logger.info("Point catalogue {}: {} points loaded, {} rows rejected", file, result.points().size(),
                result.errors().size());
        return result;
    }

    public Path file() {
        return file;
    }
}
