package org.hazardwatch.core.internal.shell;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.warning.EarlyWarningService;
import org.hazardwatch.api.warning.EnterpriseRisk;
import org.hazardwatch.api.warning.HazardSourceWarning;
import org.hazardwatch.api.warning.TrendPrediction;

@Command(scope = "hazardwatch", name = "risk", description = "Early warning: risk level (RED, ORANGE, YELLOW, BLUE) per "
        + "enterprise and hazard source with the reasons, and the trends heading for a limit")
@Service
public class RiskCommand implements Action {

    @Argument(index = 0, name = "enterprise", description = "One enterprise (USCC): its hazard sources and reasons", required = false)
    String enterprise;

    @Reference
    EarlyWarningService warnings;

    @Override
    public Object execute() throws Exception {
        if (enterprise != null) {
            EnterpriseRisk risk = warnings.risk(enterprise)
                    .orElseThrow(() -> new IllegalArgumentException("No enterprise '" + enterprise + "' with monitoring points"));
            System.out.println(risk.name() + "  " + risk.level() + "  score " + score(risk.score()));
            for (HazardSourceWarning source : risk.hazardSources()) {
                System.out.println("  " + (source.code() == null ? "-" : source.code()) + " " + source.name()
                        + (source.grade() == null ? "" : " (grade " + source.grade() + ")") + "  " + source.level() + "  score "
                        + score(source.score()));
                source.reasons().forEach(r -> System.out.println("    +" + score(r.score()) + "  " + r.factor() + ": " + r.detail()));
            }
            return null;
        }
        ShellTable table = new ShellTable();
        for (String column : new String[] { "Enterprise", "Name", "Level", "Score", "Worst hazard source", "Top reason" }) {
            table.column(column);
        }
        for (EnterpriseRisk risk : warnings.risks()) {
            HazardSourceWarning worst = risk.hazardSources().isEmpty() ? null : risk.hazardSources().get(0);
            table.addRow().addContent(risk.enterpriseCode(), risk.name(), risk.level(), score(risk.score()),
                    worst == null ? "" : worst.name(),
                    worst == null || worst.reasons().isEmpty() ? "" : worst.reasons().get(0).detail());
        }
        table.print(System.out);
        List<TrendPrediction> predictions = warnings.predictions();
        System.out.println(predictions.size() + " trends heading for a limit within " + warnings.model().horizonMinutes() + " min");
        predictions.forEach(p -> System.out.println(String.format(Locale.ROOT, "  %s reaches %s %s in %.1f min (%+.3g/min, fit %.2f)",
                p.pointId(), p.kind(), ValueFormat.format(p.limit()), p.minutesToLimit(), p.slopePerMinute(), p.fit())));
        return null;
    }

    private static String score(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }
}
