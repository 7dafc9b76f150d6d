package org.hazardwatch.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorServerTest {

    @TempDir
    Path pki;

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anOpcUaClientReadsTheSimulatedValues() throws Exception {
        SimulatorServer server = new SimulatorServer("127.0.0.1", freePort(), "/hazardwatch", pki, TankFarm.points());
        server.start();
        try {
            server.update(Map.of("A-T101-LT", 9.25));
            OpcUaClient client = OpcUaClient.create(server.endpointUrl());
            client.connect().get(10, TimeUnit.SECONDS);
            try {
                UShort ns = client.getNamespaceTable().getIndex(TankFarmNamespace.NAMESPACE_URI);
                DataValue value = client.readValue(0, TimestampsToReturn.Both, new NodeId(ns, "A-T101-LT")).get(5, TimeUnit.SECONDS);
                assertEquals(StatusCode.GOOD, value.getStatusCode());
                assertEquals(9.25, (Double) value.getValue().getValue());
                assertTrue(value.getSourceTime() != null);
            } finally {
                client.disconnect().get(5, TimeUnit.SECONDS);
            }
        } finally {
            server.stop();
        }
    }
}
