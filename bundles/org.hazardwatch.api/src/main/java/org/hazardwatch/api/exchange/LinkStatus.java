package org.hazardwatch.api.exchange;

import java.time.Instant;

/**
 * The state of one exchange link to a neighbour node.
 *
 * @param neighbour the neighbour's organisation code
 * @param role {@code parent} (this node sends up to it) or {@code child} (it sends up to this node)
 * @param address the neighbour's broker address, for the parent link
 * @param connected whether the last attempt to reach the neighbour succeeded (parent), or it sent within the last
 *        minutes (child)
 * @param backlogMessages messages kept back while the link was down, waiting to be sent
 * @param backlogBytes their size on disk
 * @param outboxMessages messages waiting in the live outbox
 * @param lastSent when a message last left for the neighbour
 * @param lastReceived when a message last came from the neighbour
 * @param sent messages sent since the node started
 * @param received messages accepted from the neighbour since the node started
 * @param rejected messages of the neighbour refused since the node started
 * @param dropped messages dropped from a full backlog since the node started
 * @param lastError the last failure on the link, or {@code null}
 * @param downSince since when the link is down, or {@code null} while it is up
 */
public record LinkStatus(String neighbour, String role, String address, boolean connected, long backlogMessages, long backlogBytes,
        long outboxMessages, Instant lastSent, Instant lastReceived, long sent, long received, long rejected, long dropped,
        String lastError, Instant downSince) {
}
