package org.hazardwatch.simulator.internal;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "hazardwatch", name = "sim-set",
        description = "Forces a simulated instrument to a value (to trigger an excursion), or 'auto' to release it")
@Service
public class SimSetCommand implements Action {

    @Argument(index = 0, name = "point", required = true, description = "Monitoring point id, as in the REST API")
    String pointId;

    @Argument(index = 1, name = "value", required = true, description = "Value in the point's unit, or 'auto'")
    String value;

    @Reference
    SimulatorComponent simulator;

    @Override
    public Object execute() {
        if (simulator.plant().point(pointId).isEmpty()) {
            throw new IllegalArgumentException("The simulator has no point '" + pointId + "'. Points: "
                    + simulator.plant().points().stream().map(SimPoint::id).toList());
        }
        if ("auto".equals(value.toLowerCase(Locale.ROOT))) {
            System.out.println(simulator.plant().release(pointId) ? pointId + " released to simulation"
                    : pointId + " was not forced");
            return null;
        }
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number (or 'auto')");
        }
        try {
            simulator.plant().force(pointId, number);
        } catch (IllegalArgumentException e) {
            throw e;
        }
        SimPoint point = simulator.plant().point(pointId).get();
        System.out.println(pointId + " forced to " + number + " " + point.unit() + " (release with: hazardwatch:sim-set "
                + pointId + " auto)");
        return null;
    }
}
