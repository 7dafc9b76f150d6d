package org.hazardwatch.adapter.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ViewDescription;

/**
 * Browses an OPC UA server's address space for integrators writing a point mapping: the objects and variables under
 * a node, with node ids in the namespace-URI form ({@code nsu=…;s=…}) the mapping files use, and each variable's
 * current value. Only Browse and Read services are used.
 */
public final class AddressSpaceBrowser {

    /** A node found under the browsed node; {@code value} is the current value of a variable, else null. */
    public record BrowsedNode(int depth, String nodeId, String browseName, String displayName, NodeClass nodeClass,
            String value, String status) {
    }

    private AddressSpaceBrowser() {
    }

    /**
     * @param start node to browse from ({@code nsu=…;s=…}, {@code ns=…;s=…} or {@code i=85}); null means the Objects folder
     * @param depth how many levels below the start node
     */
    public static List<BrowsedNode> browse(String endpointUrl, String start, int depth, int timeoutMs) throws Exception {
        OpcUaClient client = OpcUaClient.create(endpointUrl,
                endpoints -> endpoints.stream().filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri()))
                        .findFirst(),
                builder -> builder.setApplicationName(LocalizedText.english("HazardWatch browse"))
                        .setApplicationUri("urn:hazardwatch:browse").setRequestTimeout(uint(timeoutMs)).build());
        client.connect().get(timeoutMs, TimeUnit.MILLISECONDS);
        try {
            NodeId startNode = start == null || start.isBlank() ? Identifiers.ObjectsFolder : resolve(client, start);
            List<BrowsedNode> nodes = new ArrayList<>();
            walk(client, startNode, 1, Math.max(1, depth), timeoutMs, nodes);
            return nodes;
        } finally {
            client.disconnect().get(timeoutMs, TimeUnit.MILLISECONDS);
        }
    }

    private static NodeId resolve(OpcUaClient client, String text) {
        var expanded = org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId.parseOrNull(text.strip());
        if (expanded == null) {
            throw new IllegalArgumentException("'" + text + "' is not an OPC UA node id (e.g. nsu=urn:plant;s=TT101, ns=2;i=7, i=85)");
        }
        return expanded.toNodeId(client.getNamespaceTable())
                .orElseThrow(() -> new IllegalArgumentException("the server has no namespace " + expanded.getNamespaceUri()));
    }

    private static void walk(OpcUaClient client, NodeId node, int level, int maxDepth, int timeoutMs, List<BrowsedNode> out)
            throws Exception {
        BrowseDescription description = new BrowseDescription(node, BrowseDirection.Forward,
                Identifiers.HierarchicalReferences, true, uint(NodeClass.Object.getValue() | NodeClass.Variable.getValue()),
                uint(BrowseResultMask.All.getValue()));
        BrowseResult result = client.browse(new ViewDescription(NodeId.NULL_VALUE, DateTime.MIN_VALUE, uint(0)), uint(0),
                List.of(description)).get(timeoutMs, TimeUnit.MILLISECONDS)
                .getResults()[0];
        if (result.getReferences() == null) {
            return;
        }
        NamespaceTable namespaces = client.getNamespaceTable();
        for (ReferenceDescription ref : result.getReferences()) {
            Optional<NodeId> child = ref.getNodeId().toNodeId(namespaces);
            if (child.isEmpty()) {
                continue;
            }
            String value = null;
            String status = null;
            if (ref.getNodeClass() == NodeClass.Variable) {
                DataValue dv = client.readValue(0, TimestampsToReturn.Neither, child.get()).get(timeoutMs, TimeUnit.MILLISECONDS);
                value = dv.getValue() == null || dv.getValue().getValue() == null ? null : String.valueOf(dv.getValue().getValue());
                status = dv.getStatusCode() == null ? null : dv.getStatusCode().isGood() ? "Good"
                        : dv.getStatusCode().isUncertain() ? "Uncertain" : "Bad";
            }
            out.add(new BrowsedNode(level, withNamespaceUri(child.get(), namespaces), ref.getBrowseName().getName(),
                    ref.getDisplayName() == null ? null : ref.getDisplayName().getText(), ref.getNodeClass(), value, status));
            if (level < maxDepth && ref.getNodeClass() == NodeClass.Object) {
                walk(client, child.get(), level + 1, maxDepth, timeoutMs, out);
            }
        }
    }

    /** {@code nsu=<uri>;s=<id>} for namespaces other than 0, so a mapping survives a change of namespace index. */
    static String withNamespaceUri(NodeId node, NamespaceTable namespaces) {
        String text = node.toParseableString();
        int index = node.getNamespaceIndex().intValue();
        String uri = namespaces.getUri(node.getNamespaceIndex());
        if (index == 0 || uri == null || !text.startsWith("ns=")) {
            return text;
        }
        return "nsu=" + uri + text.substring(text.indexOf(';'));
    }
}
