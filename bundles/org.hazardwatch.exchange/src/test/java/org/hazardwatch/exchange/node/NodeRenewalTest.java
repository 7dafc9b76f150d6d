package org.hazardwatch.exchange.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hazardwatch.exchange.envelope.Envelope;
import org.hazardwatch.exchange.envelope.EnvelopeOpener;
import org.hazardwatch.exchange.envelope.EnvelopeSealer;
import org.hazardwatch.exchange.envelope.Identity;
import org.hazardwatch.exchange.envelope.MemoryReplayGuard;
import org.hazardwatch.exchange.envelope.MemoryTrustStore;
import org.hazardwatch.exchange.envelope.SmCertificates;
import org.hazardwatch.exchange.envelope.SmCrypto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node renews its certificate over HTTP, as {@code hazardwatch:renew} and the daily check do, and keeps the old key:
 * what neighbours sealed to the old certificate before they learnt the new one still opens.
 */
class NodeRenewalTest {

    static final Instant T0 = Instant.parse("2026-11-30T03:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theKeyBeforeARenewalStillOpensWhatWasSealedToItUntilItsCertificateExpires() throws Exception {
        try (CentreOverHttp centre = new CentreOverHttp(T0)) {
            NodeExchange node = centre.enrol(dir.resolve("exchange"), "370281", "county");
            Identity first = node.identity().orElseThrow();
            assertEquals(Optional.empty(), node.previousIdentity(), "nothing renewed yet");

            // a child sealed a message to the county's first certificate; then the county renews, in its last month
            KeyPair childKeys = SmCrypto.newSm2KeyPair();
            Identity child = new Identity("91370281MA3HW2026N", childKeys.getPrivate(), SmCertificates.issue(centre.authority,
                    centre.authorityKeys.getPrivate(), childKeys.getPublic(), "91370281MA3HW2026N", "enterprise", T0, Duration.ofDays(3650)));
            centre.clock.now = first.certificate().getNotAfter().toInstant().minus(Duration.ofDays(10));
            Envelope sealedBefore = new EnvelopeSealer(child, centre.clock, EnvelopeSealer.DEFAULT_LIFETIME).seal("samples", new byte[] {1, 2, 3},
                    "370281", first.certificate(), 1);
            Identity renewed = node.renew();
            assertNotEquals(first.serial(), renewed.serial());
            assertEquals(renewed.serial(), node.identity().orElseThrow().serial());
            Identity previous = node.previousIdentity().orElseThrow();
            assertEquals(first.serial(), previous.serial(), "the identity before the renewal is kept");
            assertEquals(first.privateKey(), previous.privateKey());

            // the old key opens what was sealed to the old certificate
            MemoryTrustStore trust = new MemoryTrustStore(List.of(centre.authority));
            trust.add(child.certificate());
            EnvelopeOpener withPrevious = new EnvelopeOpener(previous, trust, new MemoryReplayGuard(centre.clock), centre.clock,
                    EnvelopeOpener.DEFAULT_SKEW);
            assertEquals(3, withPrevious.open(sealedBefore).payload().length);

            // once the old certificate has expired, the old key is no longer offered
            centre.clock.now = first.certificate().getNotAfter().toInstant().plusSeconds(1);
            assertEquals(Optional.empty(), node.previousIdentity());
            assertTrue(node.identity().isPresent());
        }
    }
}
