package org.hazardwatch.core.internal.shell;

import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.model.CurrentValue;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.store.AlarmStore;
import org.hazardwatch.api.store.PointRepository;
import org.hazardwatch.api.store.SampleStore;
import org.hazardwatch.core.internal.points.PointCatalog;
import org.hazardwatch.core.internal.points.PointCatalogComponent;

@Command(scope = "hazardwatch", name = "points", description = "Lists monitoring points with their current values and alarm state")
@Service
public class PointsCommand implements Action {

    @Option(name = "--area", description = "Only points of this plant area")
    String area;

    @Option(name = "--reload", description = "Load the point catalogue file again before listing")
    boolean reload;

    @Reference
    PointRepository points;

    @Reference
    SampleStore samples;

    @Reference
    AlarmStore alarms;

    @Reference(optional = true)
    PointCatalogComponent catalogue;

    @Override
    public Object execute() throws Exception {
        if (reload) {
            if (catalogue == null) {
                throw new IllegalStateException("The point catalogue is not available");
            } else {
                PointCatalog.Result result = catalogue.reload();
                System.out.println(catalogue.file() + ": " + result.points().size() + " points loaded");
                result.errors().forEach(error -> System.out.println("  rejected: " + error));
            }
        }
        Map<String, CurrentValue> current = samples.currentValues();
        java.util.Set<String> alarmed = alarms.activeByPoint().keySet();
        ShellTable table = new ShellTable();
        for (String column : new String[] { "ID", "Name", "Type", "Area", "Value", "Unit", "Quality", "Time", "Alarm" }) {
            table.column(column);
        }
        for (MonitoringPoint point : points.findAll()) {
            if (area != null && !area.equals(point.area())) {
                continue;
            }
            CurrentValue value = current.get(point.id());
            table.addRow().addContent(point.id(), point.name(), point.type(), point.area(),
                    value == null ? "-" : ValueFormat.format(value.value()), point.unit(),
                    value == null ? "-" : value.quality(), value == null ? "-" : value.timestamp(),
                    alarmed.contains(point.id()) ? "ALARM" : "");
        }
        table.print(System.out);
        return null;
    }
}
