package org.hazardwatch.exchange.envelope;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Seen message ids in memory until they expire (expired ones are refused anyway, so they need not be kept). */
public final class MemoryReplayGuard implements ReplayGuard {

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();

    public MemoryReplayGuard(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean firstTime(String sender, String messageId, Instant expires) {
        if (calls.incrementAndGet() % 10_000 == 0) {
            Instant now = clock.instant();
            seen.values().removeIf(until -> !until.isAfter(now));
        }
        return seen.putIfAbsent(sender + "\n" + messageId, expires) == null;
    }
}
