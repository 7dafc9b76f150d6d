package org.hazardwatch.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.retention.RetentionService;
import org.hazardwatch.api.retention.RetentionStatus;

@Command(scope = "hazardwatch", name = "retention", description = "Shows how long samples, aggregates and alarms are kept "
        + "and the state of the tables; --run aggregates and deletes now")
@Service
public class RetentionCommand implements Action {

    @Option(name = "--run", description = "Run retention now")
    boolean run;

    @Reference
    RetentionService retention;

    @Override
    public Object execute() throws Exception {
        if (run) {
            System.out.println(retention.runNow());
        }
        RetentionStatus s = retention.status();
        System.out.println("kept: raw samples " + s.rawSampleDays() + " d, minute aggregates " + s.minuteDays()
                + " d, hour aggregates " + s.hourDays() + " d, alarms " + s.alarmDays() + " d (etc/org.hazardwatch.retention.cfg)");
        ShellTable table = new ShellTable();
        table.column("Table");
        table.column("Rows");
        table.column("Oldest");
        s.tables().forEach(t -> table.addRow().addContent(t.name(), t.rows(), t.oldest() == null ? "-" : t.oldest()));
        table.print(System.out);
        System.out.println("aggregated up to: minutes " + s.minuteWatermark() + ", hours " + s.hourWatermark()
                + "; last run " + s.lastRun() + (s.lastResult() == null ? "" : ": " + s.lastResult()));
        return null;
    }
}
