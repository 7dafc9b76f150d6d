package org.hazardwatch.api.exchange;

import java.io.IOException;
import java.util.Set;

/**
 * Takes work messages (上下级工作交流数据, requirement I1) the exchange brought from the parent or a child node, opened
 * and verified. Registered as a service; the exchange hands each message to the inbox that takes its kind.
 */
public interface WorkInbox {

    /** The kinds taken, e.g. {@code task}, {@code task-update}, {@code task-decision}. */
    Set<String> kinds();

    /**
     * One message. Must be idempotent: after a crash the same message can come again.
     *
     * @param fromNode the sending node's organisation code
     * @param fromParent whether it came down from the parent (else up from a child)
     * @throws IOException when the message is malformed: it is refused and kept with the reason
     */
    void receive(String fromNode, boolean fromParent, String kind, String json) throws IOException;
}
