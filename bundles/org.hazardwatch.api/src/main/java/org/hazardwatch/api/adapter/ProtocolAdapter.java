package org.hazardwatch.api.adapter;

import org.hazardwatch.api.health.HealthIndicator;

/**
 * A running protocol adapter instance (one per factory configuration
 * {@code etc/org.hazardwatch.adapter.<type>-<name>.cfg}). Adapters are read-only towards the plant: this
 * interface has no write path. Values go to the {@link org.hazardwatch.api.ingest.SampleSink}.
 */
public interface ProtocolAdapter extends HealthIndicator {

    /** Protocol type, e.g. {@code opcua}. */
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
}
