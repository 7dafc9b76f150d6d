package org.hazardwatch.api.ingest;

import java.util.List;

import org.hazardwatch.api.model.Sample;

/**
 * Entry point of the ingest pipeline. Protocol adapters hand their readings to this service; the pipeline
 * normalizes them, queues them on the broker, stores them and checks alarm limits.
 *
 * <p>{@link #publish(List)} does not block on storage: it returns once the samples are queued. It is safe to call
 * from any thread, including protocol library callback threads.
 */
public interface SampleSink {

    void publish(List<Sample> samples);
}
