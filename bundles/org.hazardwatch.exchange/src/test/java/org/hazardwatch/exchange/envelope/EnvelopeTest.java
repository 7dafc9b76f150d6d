package org.hazardwatch.exchange.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seal and open, and every way a receiver refuses a message. */
class EnvelopeTest {

    static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    static final byte[] PAYLOAD = "{\"alarm\":\"B-GT201 HIGH_HIGH 57.5 %LEL\",\"企业\":\"青岛示范化工\"}".getBytes(StandardCharsets.UTF_8);

    TestSupport.MutableClock clock;
    KeyPair caKeys;
    X509Certificate ca;
    Identity county;
    Identity city;
    MemoryTrustStore cityTrust;
    EnvelopeSealer countySealer;
    EnvelopeOpener cityOpener;

    static Identity identity(X509Certificate ca, KeyPair caKeys, String code, String role) {
        KeyPair keys = SmCrypto.newSm2KeyPair();
        return new Identity(code, keys.getPrivate(),
                SmCertificates.issue(ca, caKeys.getPrivate(), keys.getPublic(), code, role, T0.minus(Duration.ofDays(1)), Duration.ofDays(365)));
    }

    @BeforeEach
    void setUp() {
        clock = new TestSupport.MutableClock(T0);
        caKeys = SmCrypto.newSm2KeyPair();
        ca = SmCertificates.authority("国家安全中心", caKeys, T0.minus(Duration.ofDays(1)), Duration.ofDays(3650));
        county = identity(ca, caKeys, "370281", "county");
        city = identity(ca, caKeys, "3702", "city");
        cityTrust = new MemoryTrustStore(List.of(ca));
        cityTrust.add(county.certificate());
        countySealer = new EnvelopeSealer(county, clock, Duration.ofDays(3));
        cityOpener = new EnvelopeOpener(city, cityTrust, new MemoryReplayGuard(clock), clock, Duration.ofMinutes(5));
    }

    Envelope seal() {
        return countySealer.seal("alarm", PAYLOAD, "3702", city.certificate(), 7);
    }

    RejectReason refusal(Envelope envelope) {
        return assertThrows(EnvelopeRejectedException.class, () -> cityOpener.open(envelope)).reason();
    }

    static Envelope mutate(Envelope e, UnaryOperator<String> json) {
        return EnvelopeCodec.fromJson(json.apply(EnvelopeCodec.toJson(e)));
    }

    @Test
    void aSealedMessageOpensAtItsReceiverOnly() {
        Envelope sealed = seal();
        Envelope travelled = EnvelopeCodec.fromJson(EnvelopeCodec.toJson(sealed));
        EnvelopeOpener.Opened opened = cityOpener.open(travelled);
        assertArrayEquals(PAYLOAD, opened.payload());
        assertEquals("370281", opened.envelope().from());
        assertEquals(7, opened.envelope().seq());
        assertEquals(SmCertificates.serial(county.certificate()), opened.envelope().senderCert());
        assertTrue(!EnvelopeCodec.toJson(sealed).contains("青岛"), "the payload is not readable on the wire");

        Identity province = identity(ca, caKeys, "37", "province");
        MemoryTrustStore provinceTrust = new MemoryTrustStore(List.of(ca));
        provinceTrust.add(county.certificate());
        EnvelopeOpener provinceOpener = new EnvelopeOpener(province, provinceTrust, new MemoryReplayGuard(clock), clock,
                Duration.ofMinutes(5));
        assertEquals(RejectReason.WRONG_RECEIVER,
                assertThrows(EnvelopeRejectedException.class, () -> provinceOpener.open(sealed)).reason());
    }

    @Test
    void tamperingIsFoundByTheSignature() {
        Envelope sealed = seal();
        byte[] ct = sealed.ct().clone();
        ct[0] ^= 1;
        assertEquals(RejectReason.BAD_SIGNATURE, refusal(new Envelope(1, sealed.id(), sealed.type(), sealed.from(), sealed.to(),
                sealed.senderCert(), sealed.receiverCert(), sealed.created(), sealed.expires(), sealed.seq(), sealed.key(), sealed.iv(), ct,
                sealed.mac(), sealed.sig())));
        assertEquals(RejectReason.BAD_SIGNATURE, refusal(mutate(sealed, j -> j.replace("\"seq\":7", "\"seq\":8"))));
        assertEquals(RejectReason.BAD_SIGNATURE, refusal(mutate(sealed, j -> j.replace("\"type\":\"alarm\"", "\"type\":\"samples\""))));
        String later = sealed.expires().plus(Duration.ofDays(30)).toString();
        assertEquals(RejectReason.BAD_SIGNATURE, refusal(mutate(sealed, j -> j.replace(sealed.expires().toString(), later))));
        assertArrayEquals(PAYLOAD, cityOpener.open(sealed).payload(), "the untouched message still opens");
    }

    @Test
    void aMessageIsAcceptedOnce() {
        Envelope sealed = seal();
        cityOpener.open(sealed);
        assertEquals(RejectReason.REPLAYED, refusal(sealed));
        assertEquals(RejectReason.REPLAYED, refusal(EnvelopeCodec.fromJson(EnvelopeCodec.toJson(sealed))));
    }

    @Test
    void oldAndFutureMessagesAreRefused() {
        Envelope sealed = seal();
        clock.now = T0.plus(Duration.ofDays(3));
        assertEquals(RejectReason.EXPIRED, refusal(sealed));
        clock.now = T0.minus(Duration.ofMinutes(6));
        assertEquals(RejectReason.FROM_THE_FUTURE, refusal(sealed));
        clock.now = T0.minus(Duration.ofMinutes(4));
        assertArrayEquals(PAYLOAD, cityOpener.open(sealed).payload(), "within the allowed skew");
    }

    @Test
    void sendersAreCheckedAgainstTheirCertificates() {
        assertEquals(RejectReason.UNKNOWN_SENDER, refusal(new EnvelopeSealer(identity(ca, caKeys, "370211", "county"), clock,
                Duration.ofDays(1)).seal("alarm", PAYLOAD, "3702", city.certificate(), 1)));

        Identity impostor = new Identity("370211", county.privateKey(), county.certificate());
        assertEquals(RejectReason.SENDER_MISMATCH,
                refusal(new EnvelopeSealer(impostor, clock, Duration.ofDays(1)).seal("alarm", PAYLOAD, "3702", city.certificate(), 1)));

        KeyPair rogueKeys = SmCrypto.newSm2KeyPair();
        X509Certificate rogueCa = SmCertificates.authority("rogue", rogueKeys, T0.minus(Duration.ofDays(1)), Duration.ofDays(10));
        Identity rogue = identity(rogueCa, rogueKeys, "370282", "county");
        MemoryTrustStore lenient = new MemoryTrustStore(List.of(ca, rogueCa));
        lenient.add(rogue.certificate());
        EnvelopeOpener strictOpener = new EnvelopeOpener(city, new TrustStore() {
            @Override
            public java.util.Optional<X509Certificate> certificate(String serial) {
                return lenient.certificate(serial);
            }

            @Override
            public boolean issuedByTrustedAuthority(X509Certificate certificate) {
                return cityTrust.issuedByTrustedAuthority(certificate);
            }

            @Override
            public boolean revoked(String serial) {
                return false;
            }
        }, new MemoryReplayGuard(clock), clock, Duration.ofMinutes(5));
        Envelope fromRogue = new EnvelopeSealer(rogue, clock, Duration.ofDays(1)).seal("alarm", PAYLOAD, "3702", city.certificate(), 1);
        assertEquals(RejectReason.CERTIFICATE_UNTRUSTED,
                assertThrows(EnvelopeRejectedException.class, () -> strictOpener.open(fromRogue)).reason());

        Envelope beforeRevocation = seal();
        cityTrust.revoke(SmCertificates.serial(county.certificate()));
        assertEquals(RejectReason.CERTIFICATE_REVOKED, refusal(beforeRevocation));
    }

    @Test
    void expiredCertificatesAreRefused() {
        Envelope sealed = seal();
        clock.now = T0.plus(Duration.ofDays(400));
        EnvelopeOpener later = new EnvelopeOpener(city, cityTrust, new MemoryReplayGuard(clock), clock, Duration.ofDays(1000));
        assertEquals(RejectReason.CERTIFICATE_EXPIRED, assertThrows(EnvelopeRejectedException.class, () -> later.open(sealed)).reason());
    }

    @Test
    void brokenMessagesSayWhatIsWrong() {
        assertEquals(RejectReason.MALFORMED, assertThrows(EnvelopeRejectedException.class, () -> EnvelopeCodec.fromJson("")).reason());
        assertEquals(RejectReason.MALFORMED, assertThrows(EnvelopeRejectedException.class, () -> EnvelopeCodec.fromJson("{nope")).reason());
        assertEquals(RejectReason.MALFORMED, assertThrows(EnvelopeRejectedException.class, () -> EnvelopeCodec.fromJson("[1]")).reason());
        String json = EnvelopeCodec.toJson(seal());
        assertEquals(RejectReason.UNSUPPORTED_VERSION, assertThrows(EnvelopeRejectedException.class,
                () -> EnvelopeCodec.fromJson(json.replace("\"v\":1", "\"v\":2"))).reason());
        EnvelopeRejectedException badField = assertThrows(EnvelopeRejectedException.class,
                () -> EnvelopeCodec.fromJson(json.replace("\"from\":\"370281\"", "\"from\":\"370281\\nseq=9\"")));
        assertEquals(RejectReason.MALFORMED, badField.reason());
        assertTrue(badField.getMessage().contains("from"), badField.getMessage());
        assertEquals(RejectReason.MALFORMED, assertThrows(EnvelopeRejectedException.class,
                () -> EnvelopeCodec.fromJson(json.replaceAll("\"iv\":\"[^\"]*\"", "\"iv\":\"%%%\""))).reason());
        assertEquals(RejectReason.MALFORMED, assertThrows(EnvelopeRejectedException.class,
                () -> EnvelopeCodec.fromJson(json.replace("\"seq\":7", "\"seq\":-1"))).reason());
    }

    @Test
    void aMessageSignedRightButWithWrongKeysFailsToDecrypt() {
        Envelope sealed = seal();
        byte[] otherKeys = SmCrypto.sm2Encrypt(city.certificate().getPublicKey(), SmCrypto.random(48));
        Envelope swapped = new Envelope(1, sealed.id(), sealed.type(), sealed.from(), sealed.to(), sealed.senderCert(),
                sealed.receiverCert(), sealed.created(), sealed.expires(), sealed.seq(), otherKeys, sealed.iv(), sealed.ct(), sealed.mac(),
                new byte[0]);
        // the sender itself signs the swapped keys: the signature is right, the mac is not
        Envelope resigned = swapped.withMacAndSignature(sealed.mac(), SmCrypto.sign(county.privateKey(), swapped.signedBytes()));
        assertEquals(RejectReason.DECRYPTION_FAILED, refusal(resigned));
        assertTrue(Base64.getEncoder().encodeToString(resigned.key()).length() > 100);
    }
}
