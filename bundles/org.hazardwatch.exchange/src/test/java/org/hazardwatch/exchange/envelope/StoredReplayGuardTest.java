package org.hazardwatch.exchange.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;


import org.hazardwatch.core.internal.exchange.JdbcSeenMessages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A message is accepted once, by whichever of several receivers sharing the database is first; expired ids go. */
class StoredReplayGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void eachMessageIsAcceptedOnceEvenByConcurrentReceivers(String kind) throws Exception {
        JdbcSeenMessages seen = new JdbcSeenMessages(TestSupport.database(kind));
        StoredReplayGuard guard = new StoredReplayGuard(seen);
        Instant expires = Instant.parse("2026-12-01T00:00:00Z");
        assertTrue(guard.firstTime("370281", "m-1", expires));
        assertFalse(guard.firstTime("370281", "m-1", expires));
        assertTrue(guard.firstTime("370211", "m-1", expires), "ids are per sender");

        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        java.util.List<Future<?>> all = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            all.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    if (guard.firstTime("3702", "race-" + i, expires)) {
                        accepted.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        assertEquals(50, accepted.get(), "four receivers, fifty messages, each accepted once");

        assertTrue(guard.firstTime("370281", "m-2", Instant.parse("2026-11-30T00:00:00Z")));
        assertEquals(1, seen.forgetExpired(Instant.parse("2026-11-30T12:00:00Z")));
        assertFalse(guard.firstTime("370281", "m-1", expires), "unexpired ids are kept");
    }
}
