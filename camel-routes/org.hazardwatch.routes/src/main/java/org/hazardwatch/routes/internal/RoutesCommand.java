package org.hazardwatch.routes.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.routes.RouteFileStatus;
import org.hazardwatch.api.routes.RouteInfo;
import org.hazardwatch.api.routes.RouteRegistry;

@Command(scope = "hazardwatch", name = "routes", description = "Lists the Camel routes of this node with their state and message counts, and the route files")
@Service
public class RoutesCommand implements Action {

    @Reference
    RouteRegistry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] { "Context", "Route", "State", "Source", "Total", "Failed", "Inflight" }) {
            table.column(column);
        }
        for (RouteInfo route : registry.routes()) {
            table.addRow().addContent(route.context(), route.id(), route.status(), route.source(), route.exchangesTotal(),
                    route.exchangesFailed(), route.exchangesInflight());
        }
        table.print(System.out);
        for (RouteFileStatus file : registry.routeFiles()) {
            if (file.error() != null) {
                System.out.println("Route file " + file.file() + " FAILED: " + file.error());
            }
        }
        return null;
    }
}
