package org.hazardwatch.exchange.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.hazardwatch.exchange.envelope.Identity;
import org.hazardwatch.exchange.envelope.SmCertificates;
import org.hazardwatch.exchange.envelope.SmCrypto;
import org.hazardwatch.exchange.node.CentreOverHttp;
import org.hazardwatch.exchange.node.NodeExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The neighbours' certificates from the centre's directory over HTTP: kept on disk, trusted only from the authority. */
class PeerDirectoryTest {

    static final Instant T0 = Instant.parse("2026-11-30T03:00:00Z");

    @TempDir
    Path dir;

    @Test
    void certificatesComeFromTheCentreOnceAndStayUsableWhileItIsDown() throws Exception {
        try (CentreOverHttp centre = new CentreOverHttp(T0)) {
            NodeExchange county = centre.enrol(dir.resolve("county"), "370281", "county");
            Identity enterprise = centre.enrol(dir.resolve("enterprise"), "91370281MA3HW2026N", "enterprise").identity().orElseThrow();
            PeerDirectory directory = new PeerDirectory(county, centre.clock);

            assertEquals(enterprise.certificate(), directory.certificate(enterprise.serial()).orElseThrow());
            assertEquals(enterprise.certificate(), directory.certificateOf("91370281MA3HW2026N"));
            int asked = centre.directoryRequests.get();
            directory.certificate(enterprise.serial());
            directory.certificateOf("91370281MA3HW2026N");
            assertEquals(asked, centre.directoryRequests.get(), "asked once, then kept");

            // the centre goes down: a fresh directory (a restart) finds both on disk
            centre.offline = true;
            PeerDirectory restarted = new PeerDirectory(county, centre.clock);
            assertEquals(enterprise.certificate(), restarted.certificate(enterprise.serial()).orElseThrow());
            assertEquals(enterprise.certificate(), restarted.certificateOf("91370281MA3HW2026N"));
            IOException nobody = assertThrows(IOException.class, () -> restarted.certificateOf("370282"));
            assertTrue(nobody.getMessage().contains("503") || nobody.getMessage().contains("370282"), nobody.getMessage());
        }
    }

    @Test
    void madeUpSerialsAndForeignCertificatesAreUnknownAndAskedAboutOncePerMinute() throws Exception {
        try (CentreOverHttp centre = new CentreOverHttp(T0)) {
            NodeExchange county = centre.enrol(dir.resolve("county"), "370281", "county");
            PeerDirectory directory = new PeerDirectory(county, centre.clock);
            assertEquals(Optional.empty(), directory.certificate("not-hex"), "not even asked");
            int before = centre.directoryRequests.get();
            for (int i = 0; i < 50; i++) {
                assertEquals(Optional.empty(), directory.certificate("deadbeef"));
            }
            assertEquals(before + 1, centre.directoryRequests.get(), "one request for fifty messages");
            centre.clock.now = T0.plus(PeerDirectory.UNKNOWN_TTL).plusSeconds(1);
            directory.certificate("deadbeef");
            assertEquals(before + 2, centre.directoryRequests.get(), "asked again after a minute");

            // a certificate from another authority is not trusted, whatever the centre's answer
            KeyPair rogueKeys = SmCrypto.newSm2KeyPair();
            var rogueAuthority = SmCertificates.authority("Rogue CA", rogueKeys, T0.minus(Duration.ofDays(1)), Duration.ofDays(30));
            var rogue = SmCertificates.issue(rogueAuthority, rogueKeys.getPrivate(), SmCrypto.newSm2KeyPair().getPublic(), "370282", "county", T0,
                    Duration.ofDays(30));
            assertTrue(!directory.issuedByTrustedAuthority(rogue));
            assertTrue(directory.issuedByTrustedAuthority(county.identity().orElseThrow().certificate()));
        }
    }
}
