package org.hazardwatch.rest.internal;

import org.hazardwatch.api.security.Permission;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.ClientErrorException;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.hazardwatch.api.adapter.AdapterStatus;
import org.hazardwatch.api.adapter.CertificateTrust;
import org.hazardwatch.api.adapter.MappingReload;
import org.hazardwatch.api.adapter.PointAddress;
import org.hazardwatch.api.adapter.ProtocolAdapter;

/** The protocol adapter instances of this node: status, counters and point mappings (requirement H1). */
@Path("/adapters")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.ADAPTER_ADMINISTER)
public class AdaptersResource {

    public record AdapterView(String type, String name, AdapterStatus status, String detail, int mappedPoints,
            long samplesReceived, Instant lastSampleAt) {
    }

    private final Supplier<Collection<ProtocolAdapter>> adapters;

    public AdaptersResource(Supplier<Collection<ProtocolAdapter>> adapters) {
        this.adapters = adapters;
    }

    @GET
    public List<AdapterView> list() {
        return adapters.get().stream()
                .sorted(Comparator.comparing(ProtocolAdapter::type).thenComparing(ProtocolAdapter::instanceName))
                .map(a -> new AdapterView(a.type(), a.instanceName(), a.status(), a.statusDetail(), a.mappedPoints(),
                        a.samplesReceived(), a.lastSampleAt()))
                .toList();
    }

    @GET
    @Path("/{type}/{name}/mappings")
    public List<PointAddress> mappings(@PathParam("type") String type, @PathParam("name") String name) {
        return find(type, name).mappings();
    }

    /** Re-reads the adapter's point mapping and applies it without a restart; 409 when the adapter cannot. */
    @POST
    @Path("/{type}/{name}/mappings/reload")
    @Audited(value = "adapter.mappings-reload", target = "adapter", idParam = "name")
    public MappingReload reload(@PathParam("type") String type, @PathParam("name") String name) {
        ProtocolAdapter adapter = find(type, name);
        try {
            return adapter.reloadMappings();
        } catch (UnsupportedOperationException e) {
            throw new ClientErrorException(e.getMessage(), 409);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public record Certificates(String ownCertificateFile, List<CertificateTrust.Certificate> certificates) {
    }

    /** The trust lists of an adapter that authenticates servers by certificate; 409 for one that does not. */
    @GET
    @Path("/{type}/{name}/certificates")
    public Certificates certificates(@PathParam("type") String type, @PathParam("name") String name) {
        CertificateTrust trust = trustOf(type, name);
        return new Certificates(trust.ownCertificateFile(), trust.certificates());
    }

    /** An operator trusts a rejected server certificate; the adapter's next connection attempt uses it. */
    @POST
    @Path("/{type}/{name}/certificates/{file}/trust")
    @Audited(value = "adapter.certificate-trust", target = "adapter", idParam = "name")
    public Certificates trust(@PathParam("type") String type, @PathParam("name") String name, @PathParam("file") String file) {
        CertificateTrust trust = trustOf(type, name);
        trust.trustRejected(file);
        return new Certificates(trust.ownCertificateFile(), trust.certificates());
    }

    private CertificateTrust trustOf(String type, String name) {
        if (find(type, name) instanceof CertificateTrust trust) {
            return trust;
        }
        throw new ClientErrorException(type + " adapter " + name + " does not authenticate servers by certificate", 409);
    }

    private ProtocolAdapter find(String type, String name) {
        return adapters.get().stream().filter(a -> a.type().equals(type) && a.instanceName().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("no " + type + " adapter instance '" + name + "'"));
    }
}
