package org.hazardwatch.api.exchange;

import java.time.Instant;

/**
 * Message ids already accepted, per sender, kept in the database until the messages expire: a message delivered
 * twice (a redelivery after a crash, a replay by an attacker) is accepted once, also across a restart of the node and
 * across the two nodes of a failover pair.
 */
public interface SeenMessages {

    /** True the first time this sender's id is recorded; false when it was recorded before. */
    boolean firstTime(String sender, String messageId, Instant expires);

    /** Forgets ids whose messages have expired (receivers refuse those anyway); returns how many. */
    int forgetExpired(Instant now);
}
