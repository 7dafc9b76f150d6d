package org.hazardwatch.rest.internal;

import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.MediaType;

import org.hazardwatch.api.exchange.ExchangeCommand;
import org.hazardwatch.api.hazard.RegistryBatchWriter;
import org.hazardwatch.api.integration.LocalSystemIntake;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;

/**
 * The REST side of the WebService integration (I1), the same operations as the SOAP service at /soap/integration:
 * local systems submit readings and fetch the commands sent down to the node.
 */
@Path("/integration")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.ADAPTER_ADMINISTER)
public class IntegrationResource extends ScopedResource {

    public record Readings(String system, List<LocalSystemIntake.SampleSubmission> readings) {
    }

    public record Alarms(String system, List<LocalSystemIntake.AlarmSubmission> alarms) {
    }

    public record Registration(String system, Boolean dryRun, List<Enterprise> enterprises,
            List<RegistryBatchWriter.SourceOfEnterprise> hazardSources) {
    }

    private final Supplier<LocalSystemIntake> intake;

    public IntegrationResource(Supplier<LocalSystemIntake> intake, AccessControl access) {
        super(access);
        this.intake = intake;
    }

    private LocalSystemIntake intake() {
        LocalSystemIntake running = intake.get();
        if (running == null) {
            throw new ServiceUnavailableException("the integration feature is not installed (feature:install hazardwatch-integration)");
        }
        return running;
    }

    /** Readings of the plant's points; the refused ones come back with their index and reason, the others are ingested. */
    @POST
    @Path("/readings")
    @Consumes(MediaType.APPLICATION_JSON)
    public LocalSystemIntake.SubmitResult readings(Readings body) {
        if (body == null) {
            throw new IllegalArgumentException("a body with 'readings' is required");
        }
        return intake().submitSamples(caller(), body.system() == null || body.system().isBlank() ? "rest" : body.system().strip(),
                body.readings());
    }

    /** Alarms the plant's systems raised and returned, in order; refused ones come back with their index and reason. */
    @POST
    @Path("/alarms")
    @Consumes(MediaType.APPLICATION_JSON)
    public LocalSystemIntake.SubmitResult alarms(Alarms body) {
        if (body == null) {
            throw new IllegalArgumentException("a body with 'alarms' is required");
        }
        return intake().submitAlarms(caller(), body.system() == null || body.system().isBlank() ? "rest" : body.system().strip(), body.alarms());
    }

    /**
     * Enterprises and their major hazard sources as the plant's safety management system keeps them: all or nothing,
     * every error with its item, index and field. Audited by the intake (for SOAP and REST alike) when written.
     */
    @POST
    @Path("/registration")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.REGISTRY_EDIT)
    public LocalSystemIntake.RegistrationResult registration(Registration body) {
        if (body == null) {
            throw new IllegalArgumentException("a body with 'enterprises' and/or 'hazardSources' is required");
        }
        return intake().submitRegistration(caller(), body.system() == null || body.system().isBlank() ? "rest" : body.system().strip(),
                body.enterprises(), body.hazardSources(), Boolean.TRUE.equals(body.dryRun()));
    }

    /** Commands sent down to this node since a time, oldest first, with their answers. */
    @GET
    @Path("/commands")
    public List<ExchangeCommand> commands(@QueryParam("since") String since, @QueryParam("limit") String limit) {
        return intake().commands(caller(), Params.instant("since", since, null), Params.limit(limit, 100, 500));
    }
}
