package org.hazardwatch.rest.internal;

import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.api.store.PointRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.hazardwatch.api.alarm.AlarmDefinition;
import org.hazardwatch.api.alarm.AlarmDefinitionService;
import org.hazardwatch.api.alarm.AlarmLimit;
import org.hazardwatch.api.alarm.AlarmMode;
import org.hazardwatch.api.alarm.DefinitionChange;
import org.hazardwatch.api.alarm.StandardFinding;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.ValidationException;

/**
 * Alarm settings per point (indicator management): read, change (each changed setting recorded with who, when, old
 * and new value, and the reason), reset to defaults, the change history, and the GB/T 50493-2019 check.
 */
@Path("/points/{id}/alarm-definition")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.ALARM_VIEW)
public class AlarmDefinitionsResource extends ScopedResource {

    /** Alarm settings as JSON: limits with their priority, times in whole seconds. */
    public record Settings(AlarmLimit lowLow, AlarmLimit low, AlarmLimit high, AlarmLimit highHigh, AlarmLimit rateOfChange,
            Integer rateWindowSeconds, Double deadband, Integer delayOnSeconds, Integer delayOffSeconds, AlarmMode mode,
            String modeReason, String substance, String reason, Boolean isDefault, Instant updatedAt, String updatedBy) {
    }

    /** A point's settings and what GB/T 50493-2019 says of them. */
    public record DefinitionView(String pointId, Settings settings, List<StandardFinding> findings) {
    }

    private final AlarmDefinitionService definitions;
    private final PointRepository points;

    public AlarmDefinitionsResource(AlarmDefinitionService definitions, PointRepository points, AccessControl access) {
        super(access);
        this.definitions = definitions;
        this.points = points;
    }

    /** 404 unless the point exists and the caller sees its enterprise. */
    private void requireVisible(String pointId) {
        if (points.findById(pointId).filter(p -> sees(p.enterpriseCode())).isEmpty()) {
            throw noPoint(pointId);
        }
    }

    @GET
    public DefinitionView get(@PathParam("id") String pointId) {
        requireVisible(pointId);
        AlarmDefinition definition = definitions.definition(pointId).orElseThrow(() -> noPoint(pointId));
        return new DefinitionView(pointId, settings(definition), definitions.check(definition));
    }

    /** Replaces the settings; every field must be given (limits may be null for none). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ALARM_CONFIGURE)
    @Audited(value = "alarm-definition.update", target = "point")
    public DefinitionView put(@PathParam("id") String pointId, Settings settings) {
        requireVisible(pointId);
        AuditTrail.before(request, get(pointId).settings());
        if (settings == null) {
            throw new IllegalArgumentException("the alarm settings are required");
        }
        AlarmDefinition definition = definition(pointId, settings);
        List<StandardFinding> findings;
        try {
            findings = definitions.save(definition, username(), settings.reason());
        } catch (NoSuchElementException e) {
            throw noPoint(pointId);
        }
        return new DefinitionView(pointId, settings(definitions.definition(pointId).orElseThrow()), findings);
    }

    @DELETE
    @Requires(Permission.ALARM_CONFIGURE)
    @Audited(value = "alarm-definition.reset", target = "point")
    public DefinitionView reset(@PathParam("id") String pointId, @QueryParam("reason") String reason) {
        requireVisible(pointId);
        AuditTrail.before(request, get(pointId).settings());
        try {
            definitions.reset(pointId, username(), reason);
        } catch (NoSuchElementException e) {
            throw noPoint(pointId);
        }
        return get(pointId);
    }

    private static AlarmDefinition definition(String pointId, Settings s) {
        List<FieldError> missing = new ArrayList<>();
        require(missing, "rateWindowSeconds", s.rateWindowSeconds());
        require(missing, "deadband", s.deadband());
        require(missing, "delayOnSeconds", s.delayOnSeconds());
        require(missing, "delayOffSeconds", s.delayOffSeconds());
        require(missing, "mode", s.mode());
        if (!missing.isEmpty()) {
            throw new ValidationException(missing);
        }
        return new AlarmDefinition(pointId, s.lowLow(), s.low(), s.high(), s.highHigh(), s.rateOfChange(),
                Duration.ofSeconds(s.rateWindowSeconds()), s.deadband(), Duration.ofSeconds(s.delayOnSeconds()),
                Duration.ofSeconds(s.delayOffSeconds()), s.mode(), blankToNull(s.modeReason()), blankToNull(s.substance()),
                null, null);
    }

    private static void require(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "REQUIRED", "is required"));
        }
    }

    static Settings settings(AlarmDefinition d) {
        return new Settings(d.lowLow(), d.low(), d.high(), d.highHigh(), d.rateOfChange(), (int) d.rateWindow().toSeconds(),
                d.deadband(), (int) d.delayOn().toSeconds(), (int) d.delayOff().toSeconds(), d.mode(), d.modeReason(),
                d.substance(), null, d.isDefault(), d.updatedAt(), d.updatedBy());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static NotFoundException noPoint(String pointId) {
        return new NotFoundException("no monitoring point " + pointId);
    }
}
