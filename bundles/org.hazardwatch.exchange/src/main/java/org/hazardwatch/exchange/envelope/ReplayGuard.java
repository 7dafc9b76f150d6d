package org.hazardwatch.exchange.envelope;

import java.time.Instant;

/** Remembers the message ids seen per sender until they expire, so a message is accepted once. */
public interface ReplayGuard {

    /** True the first time this sender's id is seen; false for a replay. Ids are kept until {@code expires}. */
    boolean firstTime(String sender, String messageId, Instant expires);
}
