package org.hazardwatch.api.broker;

/** Sizes of the embedded broker's queues and of its store, for the exchange's backlog bound and the link pages. */
public interface BrokerQueues {

    /** A queue's pending messages and their size in the store; zeros for a queue that does not exist. */
    QueueSize size(String queue);

    /** Bytes the broker's persistent store uses, and its configured limit. */
    long storeBytes();

    long storeLimitBytes();

    record QueueSize(long messages, long bytes) {
    }
}
