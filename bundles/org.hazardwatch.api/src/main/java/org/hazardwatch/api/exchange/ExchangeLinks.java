package org.hazardwatch.api.exchange;

import java.util.List;

/** The node's exchange links to its parent and children, and the commands it sends down (requirement I4). */
public interface ExchangeLinks {

    /** This node's organisation code in the exchange, or {@code null} before it has enrolled. */
    String organisationCode();

    List<LinkStatus> links();

    /**
     * Sends a threshold change for a point of an enterprise below this node, signed by this node, hop by hop down to
     * the enterprise node, which applies it and answers.
     *
     * @param pointId the point's id as this node knows it (qualified with the enterprise code)
     * @param limits JSON object with any of {@code lowLow}, {@code low}, {@code high}, {@code highHigh} (a number or
     *        null to remove the limit)
     * @throws org.hazardwatch.api.registry.ValidationException when the point is unknown, the enterprise unreachable
     *         or the limits malformed
     */
    ExchangeCommand sendThresholdChange(String pointId, String limits, String reason, String requestedBy);

    /**
     * Asks the node that reads an enterprise's instruments for their current values (requirement C3): signed here,
     * passed hop by hop down, answered with the values, which come back in the command's result. The caller has
     * checked that the person may see the enterprise's live data (own region, a granted access request or
     * {@code monitoring:live-all}) and audited the request.
     *
     * @param enterpriseCode the enterprise's USCC
     * @param pointIds qualified ids of the points wanted; empty for all of the enterprise's points
     * @throws org.hazardwatch.api.registry.ValidationException when the enterprise is unreachable or the input malformed
     */
    ExchangeCommand sendLiveQuery(String enterpriseCode, List<String> pointIds, String reason, String requestedBy);

    /**
     * The lower nodes this node sends work to directly (organisation codes): child regulator nodes and enterprise nodes,
     * as learnt from what they sent up.
     */
    List<String> childNodes();

    /**
     * Sends a work message (上下级工作交流: a task, a decision on a report) down to a child node, signed here. The
     * child's {@link WorkInbox} for the kind receives it.
     *
     * @param messageId the same for the same message made again (so it is stored once), e.g. derived from an event id
     * @throws org.hazardwatch.api.registry.ValidationException when the child is unknown or this node has not enrolled
     */
    void sendWorkDown(String childNode, String kind, String json, String messageId);

    /** Sends a work message (a report, progress) up to the parent node, kept on disk while the link is down. */
    void sendWorkUp(String kind, String json, String messageId);

    /** The parent node's organisation code, or null at the top. */
    String parentNode();
}
