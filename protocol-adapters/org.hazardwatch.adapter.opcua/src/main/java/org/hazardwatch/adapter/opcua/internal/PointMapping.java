package org.hazardwatch.adapter.opcua.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;

/**
 * Plant address to monitoring point mapping, read from a UTF-8 CSV file of {@code pointId,nodeId} rows ({@code #}
 * comments allowed). Bad rows are reported by line and skipped.
 */
public record PointMapping(Map<String, ExpandedNodeId> nodesByPoint, List<String> errors) {

    public static PointMapping parse(Reader source) throws IOException {
        Map<String, ExpandedNodeId> nodes = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        BufferedReader reader = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String row = line.strip();
            if (row.isEmpty() || row.startsWith("#") || row.equalsIgnoreCase("pointId,nodeId")) {
                continue;
            }
            int comma = row.indexOf(',');
            if (comma <= 0) {
                errors.add("line " + number + ": expected 'pointId,nodeId'");
                continue;
            }
            String pointId = row.substring(0, comma).strip();
            String nodeText = row.substring(comma + 1).strip();
            ExpandedNodeId node = ExpandedNodeId.parseOrNull(nodeText);
            if (node == null) {
                errors.add("line " + number + ": '" + nodeText + "' is not an OPC UA node id");
            } else if (nodes.putIfAbsent(pointId, node) != null) {
                errors.add("line " + number + ": point " + pointId + " is mapped twice");
            }
        }
        return new PointMapping(nodes, errors);
    }
}
