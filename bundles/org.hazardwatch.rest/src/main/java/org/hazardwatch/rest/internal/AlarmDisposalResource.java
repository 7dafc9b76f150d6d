package org.hazardwatch.rest.internal;

import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.hazardwatch.api.disposal.Disposal;
import org.hazardwatch.api.disposal.DisposalService;

/** The disposal of one alarm. */
@Path("/alarms/{id}/disposal")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.DISPOSAL_VIEW)
public class AlarmDisposalResource extends ScopedResource {

    private final DisposalService disposals;

    public AlarmDisposalResource(DisposalService disposals, AccessControl access) {
        super(access);
        this.disposals = disposals;
    }

    @GET
    public Disposal ofAlarm(@PathParam("id") long alarmId) {
        return disposals.ofAlarm(alarmId).filter(d -> sees(d.enterpriseCode())).orElseThrow(() -> new NotFoundException("alarm " + alarmId + " has no disposal"));
    }
}
