package org.hazardwatch.exchange.envelope;

import java.time.Instant;

import org.hazardwatch.api.exchange.SeenMessages;

/** The replay guard receivers use in production: the ids live in the node's database (restarts, failover pairs). */
public final class StoredReplayGuard implements ReplayGuard {

    private final SeenMessages seen;

    public StoredReplayGuard(SeenMessages seen) {
        this.seen = seen;
    }

    @Override
    public boolean firstTime(String sender, String messageId, Instant expires) {
        return seen.firstTime(sender, messageId, expires);
    }
}
