package org.hazardwatch.api.adapter;

import java.time.Instant;
import java.util.List;

import org.hazardwatch.api.health.HealthIndicator;

/**
 * A running protocol adapter instance (one per factory configuration
 * {@code etc/org.hazardwatch.adapter.<type>-<name>.cfg}), registered as an OSGi service.
 *
 * <p>Adapters are read-only towards the plant (requirement H5): this interface, like everything in this package, has
 * no method that sends a value, command or setting to a control system, and an adapter must not have one either.
 * Readings go to the {@link org.hazardwatch.api.ingest.SampleSink} in batches. Starting and stopping never block on
 * the plant: connecting and reconnecting happen on the adapter's own threads, and the status says how it goes.
 */
public interface ProtocolAdapter extends HealthIndicator {

    /** Protocol type, e.g. {@code opcua}, {@code modbus}, {@code jdbc}. */
    String type();

    /** Instance name, the part after the dash in the configuration PID. */
    String instanceName();

    AdapterStatus status();

    /** Why the adapter is in its status (last error, endpoint), never null. */
    String statusDetail();

    /** Number of mapped points. */
    int mappedPoints();

    /** Samples handed to the sink since start. */
    long samplesReceived();

    /** When the last sample was handed to the sink, or {@code null} if none yet. */
    default Instant lastSampleAt() {
        return null;
    }

    /** The point mapping in use. */
    default List<PointAddress> mappings() {
        return List.of();
    }

    /**
     * Re-reads the point mapping (after an integrator edited it) and applies it without a restart. Bad rows are
     * reported and skipped; the good rows are used.
     *
     * @throws UnsupportedOperationException if this adapter's mapping cannot be reloaded
     */
    default MappingReload reloadMappings() {
        throw new UnsupportedOperationException(type() + " adapter " + instanceName() + " cannot reload its mapping");
    }
}
