package org.hazardwatch.core.internal.shell;

import java.time.YearMonth;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.analytics.AccidentRelations;
import org.hazardwatch.api.security.Caller;

@Command(scope = "hazardwatch", name = "accident-relations", description = "Alarm-to-accident relation of a region over whole months (B5): "
        + "accidents per 1,000 alarms by alarm kind and point type, and the alarm patterns that preceded accidents (support, confidence, lift)")
@Service
public class AccidentRelationsCommand implements Action {

    @Argument(index = 0, name = "region", required = false, description = "Region (37, 3702, 370281), park or USCC; the whole country when absent")
    String region;

    @Option(name = "--from", description = "First month (yyyy-MM)")
    String from;

    @Option(name = "--to", description = "Last month (yyyy-MM), default this month")
    String to;

    @Option(name = "--hours", description = "Window before an accident in hours (1-720, default 24)")
    Integer hours;

    @Reference
    AccidentRelations relations;

    @Override
    public Object execute() {
        AccidentRelations.Analysis a = relations.analyse(Caller.system("shell"), region, from == null ? null : YearMonth.parse(from),
                to == null ? null : YearMonth.parse(to), null, hours);
        System.out.println(a.area().name() + " " + a.from() + " to " + a.to() + ", window " + a.windowHours() + " h: " + a.accidents() + " accidents ("
                + a.accidentsWithAlarms() + " with alarms before them), " + a.alarms() + " alarms, " + rate(a.per1000()) + " per 1,000 alarms");
        rates("Alarm kind", a.byKind());
        rates("Point type", a.byPointType());
        AccidentRelations.Patterns p = a.patterns();
        System.out.printf("%d enterprise-days with alarms, %d accidents with alarms, base rate %.6f%n", p.transactions(), p.accidentTransactions(),
                p.baseRate());
        ShellTable rules = new ShellTable();
        for (String column : new String[] {"Alarms before", "Accidents", "Enterprise-days", "Support", "Confidence", "Lift"}) {
            rules.column(column);
        }
        for (AccidentRelations.Rule r : p.rules()) {
            rules.addRow().addContent(String.join(" + ", r.items()), r.accidents(), r.windows(), String.format("%.6f", r.support()),
                    String.format("%.4f", r.confidence()), String.format("%.2f", r.lift()));
        }
        rules.print(System.out);
        return null;
    }

    private static void rates(String title, List<AccidentRelations.Rate> rates) {
        ShellTable table = new ShellTable();
        for (String column : new String[] {title, "Accidents", "Alarms", "Per 1,000"}) {
            table.column(column);
        }
        for (AccidentRelations.Rate r : rates) {
            table.addRow().addContent(r.key(), r.accidents(), r.alarms(), rate(r.per1000()));
        }
        table.print(System.out);
    }

    private static String rate(Double per1000) {
        return per1000 == null ? "-" : String.format("%.3f", per1000);
    }
}
