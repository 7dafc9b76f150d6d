package org.hazardwatch.rest.internal;

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
public class AlarmDisposalResource {

    private final DisposalService disposals;

    public AlarmDisposalResource(DisposalService disposals) {
        this.disposals = disposals;
    }

    @GET
    public Disposal ofAlarm(@PathParam("id") long alarmId) {
        return disposals.ofAlarm(alarmId).orElseThrow(() -> new NotFoundException("alarm " + alarmId + " has no disposal"));
    }
}
