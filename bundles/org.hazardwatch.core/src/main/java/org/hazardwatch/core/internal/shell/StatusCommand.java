package org.hazardwatch.core.internal.shell;

import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.health.Health;
import org.hazardwatch.api.health.HealthReport;
import org.hazardwatch.api.health.HealthService;
import org.hazardwatch.core.internal.edition.EditionInstaller;

@Command(scope = "hazardwatch", name = "status", description = "Shows the node's level, edition and the health of every component")
@Service
public class StatusCommand implements Action {

    @Reference
    HealthService healthService;

    @Reference(optional = true)
    EditionInstaller editionInstaller;

    @Override
    public Object execute() {
        HealthReport report = healthService.report();
        if (editionInstaller != null) {
            System.out.println("Level:     " + editionInstaller.level());
            System.out.println("Edition:   " + (editionInstaller.edition() == null ? "none" : editionInstaller.edition().feature()));
            System.out.println("Simulator: " + (editionInstaller.simulatorEnabled() ? "on" : "off"));
        }
        System.out.println("Status:    " + report.status());
        ShellTable table = new ShellTable();
        table.column("Component");
        table.column("Status");
        table.column("Detail");
        for (Map.Entry<String, Health> entry : report.components().entrySet()) {
            table.addRow().addContent(entry.getKey(), entry.getValue().status(), entry.getValue().detail());
        }
        table.print(System.out);
        return null;
    }
}
