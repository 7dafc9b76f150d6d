package org.hazardwatch.exchange.node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.hazardwatch.api.exchange.NodeCertificate;
import org.hazardwatch.api.exchange.SecurityCentre;
import org.hazardwatch.core.internal.exchange.JdbcCertificateRegistry;
import org.hazardwatch.exchange.centre.SmSecurityCentre;
import org.hazardwatch.exchange.envelope.SmCertificates;
import org.hazardwatch.exchange.envelope.SmCrypto;
import org.hazardwatch.exchange.envelope.TestSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real security centre (on H2) behind the HTTP calls nodes make to it, answered as the REST resource answers them:
 * enrolment, renewal and the certificate directory. Counts directory requests, and can be taken offline.
 */
public final class CentreOverHttp implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    public final TestSupport.MutableClock clock;
    public final KeyPair authorityKeys;
    public final X509Certificate authority;
    public final SmSecurityCentre centre;
    public final URI url;
    public final AtomicInteger directoryRequests = new AtomicInteger();
    public volatile boolean offline;
    private final HttpServer server;

    public CentreOverHttp(Instant now) throws Exception {
        clock = new TestSupport.MutableClock(now);
        authorityKeys = SmCrypto.newSm2KeyPair();
        authority = SmCertificates.authority("国家危险化学品安全中心", authorityKeys, now.minus(Duration.ofDays(1)), Duration.ofDays(3650));
        centre = new SmSecurityCentre(new JdbcCertificateRegistry(TestSupport.database("h2")), authority, authorityKeys.getPrivate(), clock);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/exchange/enrol", exchange -> answer(exchange, body -> enrolment(centre.enrol(body.path("csr").asText(),
                body.path("token").asText()))));
        server.createContext("/api/exchange/renew", exchange -> answer(exchange, body -> enrolment(centre.renew(body.path("csr").asText(),
                body.path("currentSerial").asText(), Base64.getDecoder().decode(body.path("signature").asText())))));
        server.createContext("/api/exchange/directory", this::directory);
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Enrols a node in {@code directory} as {@code organisation}. */
    public NodeExchange enrol(java.nio.file.Path directory, String organisation, String role) throws Exception {
        NodeExchange node = new NodeExchange(directory, clock);
        node.enrol(url, organisation, centre.createToken(organisation, role, Duration.ofDays(1), "admin").token());
        return node;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private interface Call {
        JsonNode apply(JsonNode body) throws Exception;
    }

    private static JsonNode enrolment(SecurityCentre.Enrolment enrolment) {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("certificate").put("pem", enrolment.certificate().pem());
        answer.put("authorityPem", enrolment.authorityPem());
        return answer;
    }

    private static ObjectNode entry(NodeCertificate c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("serial", c.serial()).put("organisationCode", c.organisationCode()).put("role", c.role()).put("status", c.status().name())
                .put("notAfter", c.notAfter().toString()).put("pem", c.pem());
        return o;
    }

    private void directory(HttpExchange exchange) throws IOException {
        directoryRequests.incrementAndGet();
        if (offline) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        JsonNode body;
        if (query.startsWith("serial=")) {
            Optional<NodeCertificate> found = centre.certificate(query.substring(7));
            if (found.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            body = entry(found.get());
        } else {
            ArrayNode list = JSON.createArrayNode();
            centre.certificates(java.net.URLDecoder.decode(query.substring("organisation=".length()), StandardCharsets.UTF_8))
                    .forEach(c -> list.add(entry(c)));
            body = list;
        }
        send(exchange, 200, body.toString());
    }

    private void answer(HttpExchange exchange, Call call) throws IOException {
        if (offline) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        try {
            send(exchange, 200, call.apply(JSON.readTree(exchange.getRequestBody())).toString());
        } catch (Exception e) {
            send(exchange, 400, JSON.createObjectNode().put("message", String.valueOf(e.getMessage())).toString());
        }
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] reply = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }
}
