package org.hazardwatch.exchange.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.hazardwatch.api.exchange.SecurityCentre;
import org.hazardwatch.core.internal.exchange.JdbcCertificateRegistry;
import org.hazardwatch.exchange.centre.SmSecurityCentre;
import org.hazardwatch.exchange.envelope.Envelope;
import org.hazardwatch.exchange.envelope.EnvelopeOpener;
import org.hazardwatch.exchange.envelope.EnvelopeSealer;
import org.hazardwatch.exchange.envelope.Identity;
import org.hazardwatch.exchange.envelope.MemoryReplayGuard;
import org.hazardwatch.exchange.envelope.MemoryTrustStore;
import org.hazardwatch.exchange.envelope.SmCertificates;
import org.hazardwatch.exchange.envelope.SmCrypto;
import org.hazardwatch.exchange.envelope.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A node renews its certificate over HTTP, as {@code hazardwatch:renew} and the daily check do, and keeps the old key:
 * what neighbours sealed to the old certificate before they learnt the new one still opens.
 */
class NodeRenewalTest {

    static final Instant T0 = Instant.parse("2026-11-30T03:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theKeyBeforeARenewalStillOpensWhatWasSealedToItUntilItsCertificateExpires() throws Exception {
        TestSupport.MutableClock clock = new TestSupport.MutableClock(T0);
        KeyPair caKeys = SmCrypto.newSm2KeyPair();
        X509Certificate authority = SmCertificates.authority("国家危险化学品安全中心", caKeys, T0.minus(Duration.ofDays(1)), Duration.ofDays(3650));
        SmSecurityCentre centre = new SmSecurityCentre(new JdbcCertificateRegistry(TestSupport.database("h2")), authority, caKeys.getPrivate(),
                clock);
        // the centre's two HTTP calls, answered as the REST resource answers them
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/exchange/enrol", exchange -> answer(exchange, body -> centre.enrol(body.path("csr").asText(),
                body.path("token").asText())));
        server.createContext("/api/exchange/renew", exchange -> answer(exchange, body -> centre.renew(body.path("csr").asText(),
                body.path("currentSerial").asText(), Base64.getDecoder().decode(body.path("signature").asText()))));
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");

        NodeExchange node = new NodeExchange(dir.resolve("exchange"), clock);
        Identity first = node.enrol(url, "370281", centre.createToken("370281", "county", Duration.ofDays(1), "admin").token());
        assertEquals(Optional.empty(), node.previousIdentity(), "nothing renewed yet");

        // a child sealed a message to the county's first certificate; then the county renews, in its last month
        KeyPair childKeys = SmCrypto.newSm2KeyPair();
        Identity child = new Identity("91370281MA3HW2026N", childKeys.getPrivate(), SmCertificates.issue(authority, caKeys.getPrivate(),
                childKeys.getPublic(), "91370281MA3HW2026N", "enterprise", T0, Duration.ofDays(3650)));
        clock.now = first.certificate().getNotAfter().toInstant().minus(Duration.ofDays(10));
        Envelope sealedBefore = new EnvelopeSealer(child, clock, EnvelopeSealer.DEFAULT_LIFETIME).seal("samples", new byte[] {1, 2, 3}, "370281",
                first.certificate(), 1);
        Identity renewed = node.renew();
        assertNotEquals(first.serial(), renewed.serial());
        assertEquals(renewed.serial(), node.identity().orElseThrow().serial());
        Identity previous = node.previousIdentity().orElseThrow();
        assertEquals(first.serial(), previous.serial(), "the identity before the renewal is kept");
        assertEquals(first.privateKey(), previous.privateKey());

        // the old key opens what was sealed to the old certificate (the new one could not)
        MemoryTrustStore trust = new MemoryTrustStore(java.util.List.of(authority));
        trust.add(child.certificate());
        EnvelopeOpener withPrevious = new EnvelopeOpener(previous, trust, new MemoryReplayGuard(clock), clock, EnvelopeOpener.DEFAULT_SKEW);
        assertEquals(3, withPrevious.open(sealedBefore).payload().length);

        // once the old certificate has expired, the old key is no longer offered
        clock.now = first.certificate().getNotAfter().toInstant().plusSeconds(1);
        assertEquals(Optional.empty(), node.previousIdentity());
        assertTrue(node.identity().isPresent());
    }

    interface Call {
        SecurityCentre.Enrolment apply(JsonNode body) throws Exception;
    }

    static void answer(HttpExchange exchange, Call call) throws IOException {
        byte[] reply;
        int status;
        try {
            SecurityCentre.Enrolment enrolment = call.apply(JSON.readTree(exchange.getRequestBody()));
            ObjectNode answer = JSON.createObjectNode();
            answer.putObject("certificate").put("pem", enrolment.certificate().pem());
            answer.put("authorityPem", enrolment.authorityPem());
            reply = answer.toString().getBytes(StandardCharsets.UTF_8);
            status = 200;
        } catch (Exception e) {
            reply = ("{\"message\":\"" + e.getMessage() + "\"}").getBytes(StandardCharsets.UTF_8);
            status = 400;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }
}
