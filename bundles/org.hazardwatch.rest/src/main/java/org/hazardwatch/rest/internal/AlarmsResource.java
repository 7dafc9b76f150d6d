package org.hazardwatch.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmState;
import org.hazardwatch.api.store.AlarmStore;

@Path("/alarms")
@Produces(MediaType.APPLICATION_JSON)
public class AlarmsResource {

    private final AlarmStore alarms;

    public AlarmsResource(AlarmStore alarms) {
        this.alarms = alarms;
    }

    /** Alarms newest first. */
    @GET
    public List<Alarm> list(@QueryParam("state") String state, @QueryParam("pointId") String pointId,
            @QueryParam("limit") String limit) {
        return alarms.list(Params.enumValue("state", state, AlarmState.class),
                pointId == null || pointId.isBlank() ? null : pointId.strip(), Params.limit(limit, 200, 10_000));
    }
}
