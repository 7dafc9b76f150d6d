package org.hazardwatch.core.internal.shell;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hazardwatch.api.alarm.AlarmDefinition;
import org.hazardwatch.api.alarm.AlarmDefinitionService;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.alarm.AlarmLimit;
import org.hazardwatch.api.alarm.AlarmMode;
import org.hazardwatch.api.alarm.DefinitionChange;
import org.hazardwatch.api.alarm.StandardFinding;
import org.hazardwatch.api.model.AlarmPriority;

@Command(scope = "hazardwatch", name = "alarm-settings", description = "Shows or changes a point's alarm settings "
        + "(limits, deadband, delays, mode), with their GB/T 50493-2019 check and change history; --check-all checks "
        + "every gas detector")
@Service
public class AlarmSettingsCommand implements Action {

    @Argument(index = 0, name = "point", description = "Monitoring point id", required = false)
    String pointId;

    @Option(name = "--check-all", description = "List the GB/T 50493-2019 findings of every point")
    boolean checkAll;

    @Option(name = "--low-low", description = "Low-low limit, or 'none'")
    String lowLow;

    @Option(name = "--low", description = "Low limit, or 'none'")
    String low;

    @Option(name = "--high", description = "High limit (gas: first level), or 'none'")
    String high;

    @Option(name = "--high-high", description = "High-high limit (gas: second level), or 'none'")
    String highHigh;

    @Option(name = "--rate", description = "Rate-of-change limit in units per minute, or 'none'")
    String rate;

    @Option(name = "--deadband", description = "Deadband in engineering units")
    Double deadband;

    @Option(name = "--delay-on", description = "Delay-on in seconds")
    Integer delayOn;

    @Option(name = "--delay-off", description = "Delay-off in seconds")
    Integer delayOff;

    @Option(name = "--mode", description = "IN_SERVICE, SUPPRESSED or OUT_OF_SERVICE (the last two need --mode-reason)")
    String mode;

    @Option(name = "--mode-reason", description = "Why the point's alarms are suppressed or out of service")
    String modeReason;

    @Option(name = "--substance", description = "Toxic gas of the detector (CAS number, formula or name), or 'none'")
    String substance;

    @Option(name = "--reason", description = "Why the settings change (kept in the change history)")
    String reason;

    @Option(name = "--reset", description = "Go back to the built-in defaults")
    boolean reset;

    @Reference
    AlarmDefinitionService definitions;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() throws Exception {
        if (checkAll) {
            List<StandardFinding> findings = definitions.checkAll();
            findings.forEach(f -> System.out.println(f.pointId() + "  " + f.severity() + "  " + f.clause() + "  " + f.message()));
            System.out.println(findings.size() + " findings (GB/T 50493-2019)");
            return null;
        }
        if (pointId == null) {
            throw new IllegalArgumentException("Give a point id, or --check-all");
        }
        AlarmDefinition current = definitions.definition(pointId)
                .orElseThrow(() -> new IllegalArgumentException("No monitoring point '" + pointId + "'. List them with hazardwatch:points"));
        String user = ShellAudit.actor();
        if (reset) {
            definitions.reset(pointId, user, reason);
            ShellAudit.record(audit, "alarm-definition.reset", "point", pointId, true, reason);
            current = definitions.definition(pointId).orElseThrow();
            System.out.println("reset to the built-in defaults");
        } else if (changesRequested()) {
            AlarmDefinition changed = new AlarmDefinition(pointId, limit(lowLow, current.lowLow(), AlarmPriority.HIGH),
                    limit(low, current.low(), AlarmPriority.LOW), limit(high, current.high(), AlarmPriority.MEDIUM),
                    limit(highHigh, current.highHigh(), AlarmPriority.HIGH), limit(rate, current.rateOfChange(), AlarmPriority.LOW),
                    current.rateWindow(), deadband == null ? current.deadband() : deadband,
                    delayOn == null ? current.delayOn() : Duration.ofSeconds(delayOn),
                    delayOff == null ? current.delayOff() : Duration.ofSeconds(delayOff),
                    mode == null ? current.mode() : AlarmMode.valueOf(mode.strip().toUpperCase(Locale.ROOT)),
                    modeReason == null ? current.modeReason() : modeReason,
                    substance == null ? current.substance() : "none".equalsIgnoreCase(substance) ? null : substance.strip(),
                    null, null);
            List<StandardFinding> findings = definitions.save(changed, user, reason);
            ShellAudit.record(audit, "alarm-definition.update", "point", pointId, true, reason);
            current = definitions.definition(pointId).orElseThrow();
            System.out.println("saved" + (findings.isEmpty() ? "" : " with " + findings.size() + " GB/T 50493 findings"));
        }
        print(current);
        return null;
    }

    private boolean changesRequested() {
        return lowLow != null || low != null || high != null || highHigh != null || rate != null || deadband != null
                || delayOn != null || delayOff != null || mode != null || modeReason != null || substance != null;
    }

    private static AlarmLimit limit(String option, AlarmLimit current, AlarmPriority defaultPriority) {
        if (option == null) {
            return current;
        }
        if ("none".equalsIgnoreCase(option.strip())) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(option.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + option + "' is not a number (or 'none')");
        }
        return new AlarmLimit(value, current == null ? defaultPriority : current.priority());
    }

    private void print(AlarmDefinition d) {
        System.out.println(d.pointId() + (d.isDefault() ? "  (built-in defaults)" : "  (set by " + d.updatedBy() + " at " + d.updatedAt() + ")"));
        System.out.println("  low-low " + text(d.lowLow()) + "   low " + text(d.low()) + "   high " + text(d.high())
                + "   high-high " + text(d.highHigh()));
        System.out.println("  rate " + text(d.rateOfChange()) + " per min over " + d.rateWindow().toSeconds() + " s");
        System.out.println("  deadband " + ValueFormat.format(d.deadband()) + "   delay-on " + d.delayOn().toSeconds()
                + " s   delay-off " + d.delayOff().toSeconds() + " s");
        System.out.println("  mode " + d.mode() + (d.modeReason() == null ? "" : " (" + d.modeReason() + ")")
                + (d.substance() == null ? "" : "   gas " + d.substance()));
        List<StandardFinding> findings = definitions.check(d);
        for (StandardFinding f : findings) {
            System.out.println("  GB/T 50493 " + f.clause() + " " + f.severity() + ": " + f.message());
        }
        List<DefinitionChange> changes = definitions.changes(d.pointId(), 10);
        if (!changes.isEmpty()) {
            System.out.println("  recent changes:");
            for (DefinitionChange c : changes) {
                System.out.println("    " + c.changedAt() + "  " + c.changedBy() + "  " + c.field() + ": " + c.oldValue()
                        + " -> " + c.newValue() + (c.reason() == null ? "" : "  (" + c.reason() + ")"));
            }
        }
    }

    private static String text(AlarmLimit limit) {
        return limit == null ? "-" : ValueFormat.format(limit.value()) + " " + limit.priority();
    }
}
