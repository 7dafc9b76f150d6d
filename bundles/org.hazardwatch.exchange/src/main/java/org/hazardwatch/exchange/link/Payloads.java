package org.hazardwatch.exchange.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.hazardwatch.api.exchange.ExchangeStore.AlarmReplica;
import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.HazardUnit;
import org.hazardwatch.api.hazard.RegistryBatchWriter.SourceOfEnterprise;
import org.hazardwatch.api.model.CurrentValue;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.AlarmState;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.QualityReason;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.EnterpriseStatus;
import org.hazardwatch.api.registry.IndustryGroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The payloads the links carry (docs/exchange-format.md, "Payloads"): JSON, compressed with DEFLATE (zlib) before
 * encryption. Samples travel as rows {@code [pointId, epochMillis, value, quality, qualityReason]}, which compress to
 * a few bytes each.
 */
public final class Payloads {

    public static final String SAMPLES = "samples";
    public static final String ALARMS = "alarms";
    public static final String POINTS = "points";
    public static final String THRESHOLD_CHANGE = "threshold-change";
    public static final String COMMAND_RESULT = "command-result";
    /** An upper level asking for an enterprise's current values (C3); answered with a {@code command-result}. */
    public static final String LIVE_QUERY = "live-query";
    /** A work message (上下级工作交流: tasks, reports, decisions): {@code {"kind", "body"}}, for the node's WorkInbox. */
    public static final String WORK = "work";
    /** Most current values one live query answers with. */
    static final int MAX_LIVE_VALUES = 5_000;
    /** Largest payload after inflation: a hostile message must not exhaust memory. */
    static final int MAX_INFLATED = 64 * 1024 * 1024;
    static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    public static byte[] compress(JsonNode json) {
        try {
            byte[] plain = JSON.writeValueAsBytes(json);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 4));
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            deflater.end();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a payload", e);
        }
    }

    /** @throws IOException when the payload is not zlib-compressed JSON or inflates beyond the limit */
    public static JsonNode decompress(byte[] payload) throws IOException {
        Inflater inflater = new Inflater();
        inflater.setInput(payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length * 4);
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("the payload is truncated");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new IOException("the payload inflates beyond " + MAX_INFLATED + " bytes");
                }
            }
        } catch (DataFormatException e) {
            throw new IOException("the payload is not zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        return JSON.readTree(out.toByteArray());
    }

    // samples

    public static JsonNode samples(List<Sample> samples) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode rows = root.putArray("samples");
        for (Sample s : samples) {
            ArrayNode row = rows.addArray();
            row.add(s.pointId()).add(s.timestamp().toEpochMilli()).add(s.value()).add(s.quality().name());
            if (s.qualityReason() != null) {
                row.add(s.qualityReason().name());
            }
        }
        return root;
    }

    public static List<Sample> samples(JsonNode root) throws IOException {
        JsonNode rows = required(root, "samples");
        List<Sample> samples = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            if (!row.isArray() || row.size() < 4 || !row.get(0).isTextual() || !row.get(1).canConvertToLong() || !row.get(2).isNumber()) {
                throw new IOException("a sample row must be [pointId, epochMillis, value, quality(, reason)]: " + row);
            }
            try {
                samples.add(new Sample(row.get(0).asText(), Instant.ofEpochMilli(row.get(1).asLong()), row.get(2).asDouble(),
                        Quality.valueOf(row.get(3).asText()), row.size() > 4 ? QualityReason.valueOf(row.get(4).asText()) : null));
            } catch (IllegalArgumentException e) {
                throw new IOException("bad sample row " + row + ": " + e.getMessage(), e);
            }
        }
        return samples;
    }

    // alarms

    public static JsonNode alarms(List<AlarmReplica> alarms) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode items = root.putArray("alarms");
        for (AlarmReplica r : alarms) {
            Alarm a = r.alarm();
            ObjectNode o = items.addObject();
            o.put("origin", r.originNode()).put("originId", r.originAlarmId()).put("version", r.version());
            o.put("pointId", a.pointId()).put("kind", a.kind().name()).put("state", a.state().name()).put("priority", a.priority().name());
            o.put("value", a.value()).put("limit", a.limit()).put("raisedAt", a.raisedAt().toString());
            putInstant(o, "clearedAt", a.clearedAt());
            putInstant(o, "acknowledgedAt", a.acknowledgedAt());
            o.put("acknowledgedBy", a.acknowledgedBy());
            putInstant(o, "shelvedUntil", a.shelvedUntil());
            o.put("shelveReason", a.shelveReason()).put("shelvedBy", a.shelvedBy());
            o.put("suppressed", a.suppressed()).put("activations", a.activations());
            putInstant(o, "closedAt", a.closedAt());
        }
        return root;
    }

    public static List<AlarmReplica> alarms(JsonNode root) throws IOException {
        List<AlarmReplica> alarms = new ArrayList<>();
        for (JsonNode o : required(root, "alarms")) {
            try {
                Alarm a = new Alarm(0, text(o, "pointId"), AlarmKind.valueOf(text(o, "kind")), AlarmState.valueOf(text(o, "state")),
                        AlarmPriority.valueOf(text(o, "priority")), o.path("value").asDouble(), o.path("limit").asDouble(),
                        Instant.parse(text(o, "raisedAt")), instant(o, "clearedAt"), instant(o, "acknowledgedAt"), o.path("acknowledgedBy").textValue(),
                        instant(o, "shelvedUntil"), o.path("shelveReason").textValue(), o.path("shelvedBy").textValue(),
                        o.path("suppressed").asBoolean(), o.path("activations").asInt(1), instant(o, "closedAt"));
                alarms.add(new AlarmReplica(text(o, "origin"), o.path("originId").asLong(), o.path("version").asLong(), a));
            } catch (RuntimeException e) {
                throw new IOException("bad alarm " + o + ": " + e.getMessage(), e);
            }
        }
        return alarms;
    }

    // points

    public static JsonNode points(List<MonitoringPoint> points) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode items = root.putArray("points");
        for (MonitoringPoint p : points) {
            ObjectNode o = items.addObject();
            o.put("id", p.id()).put("name", p.name()).put("type", p.type().name()).put("unit", p.unit());
            o.put("rangeLow", p.rangeLow()).put("rangeHigh", p.rangeHigh());
            o.put("alarmLow", p.alarmLow()).put("alarmHigh", p.alarmHigh());
            o.put("area", p.area()).put("enterprise", p.enterpriseCode()).put("hazardSource", p.hazardSourceCode()).put("equipment", p.equipmentCode());
        }
        return root;
    }

    /** The enterprises' registration data, sent with their points (optional in the payload). */
    public static void addEnterprises(JsonNode root, List<Enterprise> enterprises) {
        ArrayNode items = ((ObjectNode) root).putArray("enterprises");
        for (Enterprise e : enterprises) {
            ObjectNode o = items.addObject();
            o.put("uscc", e.uscc()).put("name", e.name()).put("regionCode", e.regionCode()).put("parkCode", e.parkCode())
                    .put("industryCode", e.industryCode()).put("industryGroup", e.industryGroup() == null ? null : e.industryGroup().name())
                    .put("address", e.address()).put("longitude", e.longitude()).put("latitude", e.latitude())
                    .put("contactName", e.contactName()).put("contactPhone", e.contactPhone())
                    .put("status", e.status() == null ? null : e.status().name());
        }
    }

    public static List<Enterprise> enterprises(JsonNode root) throws IOException {
        List<Enterprise> enterprises = new ArrayList<>();
        JsonNode items = root.get("enterprises");
        if (items == null || items.isNull()) {
            return enterprises;
        }
        if (!items.isArray()) {
            throw new IOException("'enterprises' must be an array");
        }
        for (JsonNode o : items) {
            try {
                enterprises.add(new Enterprise(null, text(o, "uscc"), text(o, "name"), text(o, "regionCode"), null,
                        o.path("parkCode").textValue(), o.path("industryCode").textValue(),
                        o.hasNonNull("industryGroup") ? IndustryGroup.valueOf(o.get("industryGroup").asText()) : null,
                        o.path("address").textValue(), number(o, "longitude"), number(o, "latitude"), o.path("contactName").textValue(),
                        o.path("contactPhone").textValue(), o.hasNonNull("status") ? EnterpriseStatus.valueOf(o.get("status").asText()) : null,
                        null, null));
            } catch (RuntimeException e) {
                throw new IOException("bad enterprise " + o + ": " + e.getMessage(), e);
            }
        }
        return enterprises;
    }

    public static List<MonitoringPoint> points(JsonNode root) throws IOException {
        List<MonitoringPoint> points = new ArrayList<>();
        for (JsonNode o : required(root, "points")) {
            try {
                points.add(new MonitoringPoint(text(o, "id"), text(o, "name"), PointType.valueOf(text(o, "type")), text(o, "unit"),
                        o.path("rangeLow").asDouble(), o.path("rangeHigh").asDouble(), number(o, "alarmLow"), number(o, "alarmHigh"),
                        o.path("area").asText(""), text(o, "enterprise"), o.path("hazardSource").textValue(), o.path("equipment").textValue()));
            } catch (RuntimeException e) {
                throw new IOException("bad point " + o + ": " + e.getMessage(), e);
            }
        }
        return points;
    }

    // hazard sources

    /**
     * The enterprises' major hazard sources with units, equipment and inventories, sent with their points (optional in
     * the payload). What the receiver computes again (ids, gradings, derived fields, times) is left out: it grades
     * the units from the inventories under the same standard.
     */
    public static void addHazardSources(JsonNode root, List<SourceOfEnterprise> sources) {
        ArrayNode items = ((ObjectNode) root).putArray("hazardSources");
        for (SourceOfEnterprise item : sources) {
            HazardSource s = item.source();
            List<HazardUnit> units = new ArrayList<>();
            for (HazardUnit u : s.units()) {
                units.add(new HazardUnit(u.code(), u.name(), u.kind(), u.equipment(), u.inventory(), null));
            }
            boolean edited = Boolean.TRUE.equals(s.accidentTypesEdited());
            HazardSource portable = new HazardSource(null, null, null, null, s.code(), s.name(), s.status(), s.exposedPeople(),
                    edited ? s.accidentTypes() : null, List.of(), s.potentialDeaths(), null, false, null, units, null, null, edited);
            ObjectNode o = JSON.valueToTree(portable);
            o.put("enterprise", item.enterpriseUscc());
            items.add(o);
        }
    }

    public static List<SourceOfEnterprise> hazardSources(JsonNode root) throws IOException {
        List<SourceOfEnterprise> sources = new ArrayList<>();
        JsonNode items = root.get("hazardSources");
        if (items == null || items.isNull()) {
            return sources;
        }
        if (!items.isArray()) {
            throw new IOException("'hazardSources' must be an array");
        }
        for (JsonNode o : items) {
            try {
                String enterprise = text(o, "enterprise");
                ObjectNode fields = ((ObjectNode) o).deepCopy();
                fields.remove("enterprise");
                sources.add(new SourceOfEnterprise(enterprise, JSON.treeToValue(fields, HazardSource.class)));
            } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IOException("bad hazard source " + o.path("code") + ": " + e.getMessage(), e);
            }
        }
        return sources;
    }

    // live queries

    /** The answer to a live query: the current values of the points asked for, qualified with the enterprise. */
    public static ObjectNode currentValues(String enterprise, List<MonitoringPoint> points, java.util.Map<String, CurrentValue> values,
            Instant readAt) {
        ObjectNode root = JSON.createObjectNode();
        root.put("enterprise", enterprise).put("readAt", readAt.toString());
        ArrayNode items = root.putArray("values");
        for (MonitoringPoint point : points) {
            ObjectNode o = items.addObject();
            o.put("pointId", qualified(enterprise, point.id())).put("name", point.name()).put("type", point.type().name()).put("unit", point.unit());
            CurrentValue value = values.get(point.id());
            if (value == null) {
                o.putNull("value").putNull("quality").putNull("timestamp");
            } else {
                o.put("value", value.value()).put("quality", value.quality().name()).put("timestamp", value.timestamp().toString());
            }
        }
        return root;
    }

    // helpers

    static JsonNode required(JsonNode root, String field) throws IOException {
        JsonNode node = root == null ? null : root.get(field);
        if (node == null || !node.isArray()) {
            throw new IOException("the payload has no array '" + field + "'");
        }
        return node;
    }

    static String text(JsonNode o, String field) {
        JsonNode node = o.get(field);
        if (node == null || !node.isTextual() || node.asText().isEmpty()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return node.asText();
    }

    static Double number(JsonNode o, String field) {
        JsonNode node = o.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a number");
        }
        return node.asDouble();
    }

    private static Instant instant(JsonNode o, String field) {
        JsonNode node = o.get(field);
        return node == null || node.isNull() ? null : Instant.parse(node.asText());
    }

    private static void putInstant(ObjectNode o, String field, Instant value) {
        if (value == null) {
            o.putNull(field);
        } else {
            o.put(field, value.toString());
        }
    }

    /** The enterprise's qualified id of a point: {@code <enterprise>:<local id>}, unless it is one already. */
    public static String qualified(String enterpriseCode, String pointId) {
        String prefix = enterpriseCode + ":";
        return pointId.startsWith(prefix) ? pointId : prefix + pointId;
    }

    /** The enterprise code of a qualified point id, or {@code null} for a local id. */
    public static String enterpriseOf(String qualifiedPointId) {
        int colon = qualifiedPointId.indexOf(':');
        return colon <= 0 ? null : qualifiedPointId.substring(0, colon);
    }
}
