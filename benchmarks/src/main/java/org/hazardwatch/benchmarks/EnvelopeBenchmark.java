package org.hazardwatch.benchmarks;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hazardwatch.exchange.envelope.Envelope;
import org.hazardwatch.exchange.envelope.EnvelopeCodec;
import org.hazardwatch.exchange.envelope.EnvelopeOpener;
import org.hazardwatch.exchange.envelope.EnvelopeSealer;
import org.hazardwatch.exchange.envelope.Identity;
import org.hazardwatch.exchange.envelope.MemoryReplayGuard;
import org.hazardwatch.exchange.envelope.MemoryTrustStore;
import org.hazardwatch.exchange.envelope.SmCertificates;
import org.hazardwatch.exchange.envelope.SmCrypto;

/**
 * Envelopes sealed and opened per second, and MB/s of payload, for payloads from one alarm to a batch of samples; one
 * thread, including the JSON the broker carries. Compare with {@code openssl speed sm2 sm4} on the same machine.
 */
public final class EnvelopeBenchmark {

    private EnvelopeBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = Integer.parseInt(IngestThroughputBenchmark.option(args, "--seconds", "5"));
        Instant now = Instant.now();
        KeyPair caKeys = SmCrypto.newSm2KeyPair();
        X509Certificate ca = SmCertificates.authority("root", caKeys, now.minusSeconds(60), Duration.ofDays(1));
        KeyPair countyKeys = SmCrypto.newSm2KeyPair();
        KeyPair cityKeys = SmCrypto.newSm2KeyPair();
        Identity county = new Identity("370281", countyKeys.getPrivate(), SmCertificates.issue(ca, caKeys.getPrivate(),
                countyKeys.getPublic(), "370281", "county", now.minusSeconds(60), Duration.ofDays(1)));
        Identity city = new Identity("3702", cityKeys.getPrivate(), SmCertificates.issue(ca, caKeys.getPrivate(), cityKeys.getPublic(),
                "3702", "city", now.minusSeconds(60), Duration.ofDays(1)));
        MemoryTrustStore trust = new MemoryTrustStore(List.of(ca));
        trust.add(county.certificate());
        EnvelopeSealer sealer = new EnvelopeSealer(county, Clock.systemUTC(), Duration.ofDays(1));
        EnvelopeOpener opener = new EnvelopeOpener(city, trust, new MemoryReplayGuard(Clock.systemUTC()), Clock.systemUTC(),
                Duration.ofMinutes(5));

        List<String> rows = new ArrayList<>();
        for (int size : new int[] {256, 4 * 1024, 64 * 1024, 1024 * 1024}) {
            byte[] payload = SmCrypto.random(size);
            long seq = 1;
            for (int i = 0; i < 20; i++) { // warm up
                opener.open(EnvelopeCodec.fromJson(EnvelopeCodec.toJson(sealer.seal("samples", payload, "3702", city.certificate(), seq++))));
            }
            List<String> sealed = new ArrayList<>();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                sealed.add(EnvelopeCodec.toJson(sealer.seal("samples", payload, "3702", city.certificate(), seq++)));
            }
            double sealSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            for (String json : sealed) {
                Envelope e = EnvelopeCodec.fromJson(json);
                opener.open(e);
            }
            double openSeconds = (System.nanoTime() - start) / 1e9;
            double wire = sealed.get(0).length();
            rows.add(String.format(Locale.ROOT, "| %,d | %,.0f | %.2f | %,.0f | %.2f | %.2f |", size, sealed.size() / sealSeconds,
                    sealed.size() * (double) size / sealSeconds / 1e6, sealed.size() / openSeconds,
                    sealed.size() * (double) size / openSeconds / 1e6, wire / size));
        }
        System.out.printf(Locale.ROOT, "%nExchange envelope, one thread (%d cores, Java %s)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.println("| payload bytes | sealed/s | seal MB/s | opened/s | open MB/s | wire size / payload |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }
}
