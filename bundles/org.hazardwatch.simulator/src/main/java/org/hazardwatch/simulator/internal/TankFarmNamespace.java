package org.hazardwatch.simulator.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.api.DataItem;
import org.eclipse.milo.opcua.sdk.server.api.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.api.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * Address space of the simulated plant: {@code Objects/TankFarm/<area>/<point id>}, one Double variable per
 * instrument with node id {@code nsu=urn:hazardwatch:simulator;s=<point id>}, read-only.
 */
class TankFarmNamespace extends ManagedNamespaceWithLifecycle {

    static final String NAMESPACE_URI = "urn:hazardwatch:simulator";

    private final SubscriptionModel subscriptionModel;
    private final List<SimPoint> plant;
    private final Map<String, UaVariableNode> variables = new ConcurrentHashMap<>();

    TankFarmNamespace(OpcUaServer server, List<SimPoint> plant) {
        super(server, NAMESPACE_URI);
        this.plant = plant;
        subscriptionModel = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptionModel);
        getLifecycleManager().addStartupTask(this::createNodes);
    }

    private void createNodes() {
        UaFolderNode root = folder("TankFarm", "TankFarm");
        root.addReference(new Reference(root.getNodeId(), Identifiers.Organizes, Identifiers.ObjectsFolder.expanded(), false));
        Map<String, UaFolderNode> areas = new ConcurrentHashMap<>();
        for (SimPoint point : plant) {
            UaFolderNode area = areas.computeIfAbsent(point.area(), name -> {
                UaFolderNode folder = folder("TankFarm/" + name, name);
                root.addOrganizes(folder);
                return folder;
            });
            UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId(point.id()))
                    .setAccessLevel(AccessLevel.READ_ONLY)
                    .setUserAccessLevel(AccessLevel.READ_ONLY)
                    .setBrowseName(newQualifiedName(point.id()))
                    .setDisplayName(LocalizedText.english(point.name()))
                    .setDescription(LocalizedText.english(point.type() + " [" + point.unit() + "]"))
                    .setDataType(Identifiers.Double)
                    .setTypeDefinition(Identifiers.BaseDataVariableType)
                    .build();
            node.setValue(new DataValue(new Variant(point.base()), StatusCode.GOOD, DateTime.now()));
            getNodeManager().addNode(node);
            area.addOrganizes(node);
            variables.put(point.id(), node);
        }
    }

    private UaFolderNode folder(String id, String name) {
        UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(id), newQualifiedName(name), LocalizedText.english(name));
        getNodeManager().addNode(folder);
        return folder;
    }

    void update(Map<String, Double> values) {
        DateTime now = DateTime.now();
        values.forEach((id, value) -> {
            UaVariableNode node = variables.get(id);
            if (node != null) {
                node.setValue(new DataValue(new Variant(value), StatusCode.GOOD, now, now));
            }
        });
    }

    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsCreated(dataItems);
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsModified(dataItems);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsDeleted(dataItems);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
        subscriptionModel.onMonitoringModeChanged(monitoredItems);
    }
}
