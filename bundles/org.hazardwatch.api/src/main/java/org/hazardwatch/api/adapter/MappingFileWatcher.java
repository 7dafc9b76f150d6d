package org.hazardwatch.api.adapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Applies an adapter's point-mapping file when an integrator edits it in place: the file's modification time is
 * checked every two seconds (a poll rather than a WatchService, which misses edits on some network and container file
 * systems) and a change calls the adapter's reload.
 */
public final class MappingFileWatcher implements AutoCloseable {

    private final Path file;
    private final String adapter;
    private final Supplier<MappingReload> reload;
    private final Consumer<String> log;
    private final ScheduledExecutorService timer;
    private volatile String stamp;

    /**
     * @param adapter the adapter as named in log lines, e.g. {@code modbus-plc1}
     * @param reload re-reads the file and applies it (usually {@link ProtocolAdapter#reloadMappings()})
     * @param log where a line about each reload goes (the adapter's logger; this package has no logging dependency)
     */
    public MappingFileWatcher(Path file, String adapter, Supplier<MappingReload> reload, Consumer<String> log) {
        this.file = file;
        this.adapter = adapter;
        this.reload = reload;
        this.log = log;
        this.stamp = stamp();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "hazardwatch-mapping-watch-" + adapter));
        timer.scheduleWithFixedDelay(this::reloadIfChanged, 2, 2, TimeUnit.SECONDS);
    }

    /** Modification time and size: two edits within the file system's time resolution still differ in size. */
    private String stamp() {
        try {
            return Files.getLastModifiedTime(file) + "/" + Files.size(file);
        } catch (IOException e) {
            return null;
        }
    }

    private void reloadIfChanged() {
        String now = stamp();
        if (now != null && !now.equals(stamp)) {
            stamp = now;
            try {
                MappingReload result = reload.get();
                log.accept("Adapter " + adapter + ": mapping " + file + " changed, " + result.points() + " points mapped, "
                        + result.errors().size() + " rows rejected " + result.errors());
            } catch (RuntimeException e) {
                log.accept("Adapter " + adapter + ": mapping " + file + " changed but cannot be applied: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
