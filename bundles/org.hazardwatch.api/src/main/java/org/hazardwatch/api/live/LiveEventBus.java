package org.hazardwatch.api.live;

import java.time.Duration;

/**
 * Fan-out of live events to subscribers (web clients). Publishing never blocks and never fails because of a slow or
 * broken subscriber: each subscription has a bounded buffer, and when it overflows the subscriber learns how many
 * events it lost (so a screen reloads instead of showing a gap).
 */
public interface LiveEventBus {

    void publish(LiveEvent event);

    /** A new subscription buffering at most {@code capacity} events. */
    Subscription subscribe(int capacity);

    interface Subscription extends AutoCloseable {

        /** The next event, waiting at most {@code timeout}; {@code null} on timeout or once closed. */
        LiveEvent next(Duration timeout) throws InterruptedException;

        /** Events lost to overflow since the subscription began. */
        long dropped();

        boolean isClosed();

        @Override
        void close();
    }
}
