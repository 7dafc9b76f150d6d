package org.hazardwatch.exchange.envelope;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The envelope as JSON text (what goes into a JMS TextMessage): header fields in clear, binary parts in base64. */
public final class EnvelopeCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bigger messages are refused before anything is decoded. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private EnvelopeCodec() {
    }

    public static String toJson(Envelope e) {
        Base64.Encoder b64 = Base64.getEncoder();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("v", e.version());
        map.put("id", e.id());
        map.put("type", e.type());
        map.put("from", e.from());
        map.put("to", e.to());
        map.put("senderCert", e.senderCert());
        map.put("receiverCert", e.receiverCert());
        map.put("created", e.created().toString());
        map.put("expires", e.expires().toString());
        map.put("seq", e.seq());
        map.put("key", b64.encodeToString(e.key()));
        map.put("iv", b64.encodeToString(e.iv()));
        map.put("ct", b64.encodeToString(e.ct()));
        map.put("mac", b64.encodeToString(e.mac()));
        map.put("sig", b64.encodeToString(e.sig()));
        try {
            return JSON.writeValueAsString(map);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** @throws EnvelopeRejectedException MALFORMED or UNSUPPORTED_VERSION, saying what is wrong */
    public static Envelope fromJson(String text) {
        if (text == null || text.isEmpty()) {
            throw new EnvelopeRejectedException(RejectReason.MALFORMED, "empty message");
        }
        if (text.length() > MAX_BYTES) {
            throw new EnvelopeRejectedException(RejectReason.MALFORMED, "message larger than " + MAX_BYTES + " bytes");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new EnvelopeRejectedException(RejectReason.MALFORMED, "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new EnvelopeRejectedException(RejectReason.MALFORMED, "not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new EnvelopeRejectedException(RejectReason.MALFORMED, "not a JSON object");
        }
        if (!node.path("v").canConvertToInt() || node.path("v").asInt() != Envelope.VERSION) {
            throw new EnvelopeRejectedException(RejectReason.UNSUPPORTED_VERSION, "version " + node.path("v") + " (this node reads "
                    + Envelope.VERSION + ")");
        }
        try {
            return new Envelope(node.get("v").asInt(), text(node, "id"), text(node, "type"), text(node, "from"), text(node, "to"),
                    text(node, "senderCert"), text(node, "receiverCert"), Instant.parse(text(node, "created")),
                    Instant.parse(text(node, "expires")), number(node, "seq"), bytes(node, "key"), bytes(node, "iv"), bytes(node, "ct"),
                    bytes(node, "mac"), bytes(node, "sig"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new EnvelopeRejectedException(RejectReason.MALFORMED, e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + " is missing or not text");
        }
        return value.asText();
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || value.asLong() < 1) {
            throw new IllegalArgumentException(field + " must be a whole number from 1");
        }
        return value.asLong();
    }

    private static byte[] bytes(JsonNode node, String field) {
        try {
            return Base64.getDecoder().decode(text(node, field));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not base64");
        }
    }
}
