package org.hazardwatch.api.adapter;

import java.time.Instant;
import java.util.List;

import org.hazardwatch.api.health.Health;

/**
 * A {@link ProtocolAdapter} that answers from another one: the shape of an adapter bundle's DS component, which owns
 * the configuration and lifecycle and hands the reporting to the adapter object it created. Override
 * {@link #reloadMappings()} where the component can re-read the mapping.
 */
public abstract class ForwardingProtocolAdapter implements ProtocolAdapter {

    /** The adapter the component created. */
    protected abstract ProtocolAdapter delegate();

    @Override
    public String type() {
        return delegate().type();
    }

    @Override
    public String instanceName() {
        return delegate().instanceName();
    }

    @Override
    public AdapterStatus status() {
        return delegate().status();
    }

    @Override
    public String statusDetail() {
        return delegate().statusDetail();
    }

    @Override
    public int mappedPoints() {
        return delegate().mappedPoints();
    }

    @Override
    public long samplesReceived() {
        return delegate().samplesReceived();
    }

    @Override
    public Instant lastSampleAt() {
        return delegate().lastSampleAt();
    }

    @Override
    public List<PointAddress> mappings() {
        return delegate().mappings();
    }

    @Override
    public String componentName() {
        return delegate().componentName();
    }

    @Override
    public boolean critical() {
        return delegate().critical();
    }

    @Override
    public Health check() {
        return delegate().check();
    }
}
