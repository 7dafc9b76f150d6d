package org.hazardwatch.core.internal.live;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.hazardwatch.api.live.LiveEvent;
import org.hazardwatch.api.live.LiveEventBus;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The live event bus of one node: each subscription is a bounded queue, filled by {@link #publish} without waiting.
 * A full queue drops the event and counts it, so a stuck browser never slows the ingest route that publishes.
 */
@Component(service = LiveEventBus.class)
public class InMemoryLiveEventBus implements LiveEventBus {

    private final CopyOnWriteArrayList<QueueSubscription> subscriptions = new CopyOnWriteArrayList<>();

    @Override
    public void publish(LiveEvent event) {
        for (QueueSubscription subscription : subscriptions) {
            subscription.offer(event);
        }
    }

    @Override
    public Subscription subscribe(int capacity) {
        QueueSubscription subscription = new QueueSubscription(capacity);
        subscriptions.add(subscription);
        return subscription;
    }

    /** How many subscribers are connected (shown in the health of the live push). */
    public int subscriberCount() {
        return subscriptions.size();
    }

    @Deactivate
    void closeAll() {
        subscriptions.forEach(QueueSubscription::close);
    }

    private final class QueueSubscription implements Subscription {

        /** Put in the queue on close, so a waiting reader wakes up at once. */
        private static final LiveEvent CLOSED = new LiveEvent("closed", null, "closed");

        private final BlockingQueue<LiveEvent> queue;
        private final AtomicLong dropped = new AtomicLong();
        private volatile boolean closed;

        QueueSubscription(int capacity) {
            this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity) + 1);
        }

        void offer(LiveEvent event) {
            if (closed) {
                return;
            }
            // one slot is kept free for the close marker
            if (queue.remainingCapacity() <= 1 || !queue.offer(event)) {
                dropped.incrementAndGet();
            }
        }

        @Override
        public LiveEvent next(Duration timeout) throws InterruptedException {
            if (closed) {
                return null;
            }
            LiveEvent event = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return event == CLOSED ? null : event;
        }

        @Override
        public long dropped() {
            return dropped.get();
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                subscriptions.remove(this);
                queue.clear();
                queue.offer(CLOSED);
            }
        }
    }
}
