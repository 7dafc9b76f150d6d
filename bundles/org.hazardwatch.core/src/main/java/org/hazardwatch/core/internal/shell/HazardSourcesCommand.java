package org.hazardwatch.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.hazard.GradingSnapshot;
import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.HazardSourceQuery;
import org.hazardwatch.api.hazard.HazardSourceService;
import org.hazardwatch.api.hazard.HazardSourceSummary;
import org.hazardwatch.api.registry.Page;

@Command(scope = "hazardwatch", name = "hazard-sources",
        description = "Lists major hazard sources of a region subtree or grade; with --regrade ID grades a source's units again")
@Service
public class HazardSourcesCommand implements Action {

    @Option(name = "--region", description = "Region code prefix, e.g. 37, 3702, 370281, or a park code")
    String region;

    @Option(name = "--grade", description = "Only sources of this grade (1-4)")
    Integer grade;

    @Option(name = "--page", description = "Page number, from 0")
    int page;

    @Option(name = "--regrade", description = "Grade every unit of the source with this id again and store the snapshots")
    Long regrade;

    @Option(name = "--edition", description = "Edition for --regrade: 2018 (default) or 2009")
    String edition = "2018";

    @Argument(index = 0, name = "text", required = false, description = "Part of the code or name, or of the enterprise's name")
    String text;

    @Reference
    HazardSourceService sources;

    @Override
    public Object execute() {
        if (grade != null && (grade < 1 || grade > 4)) {
            throw new IllegalArgumentException("--grade must be 1, 2, 3 or 4");
        }
        if (regrade != null) {
            var snapshots = sources.regrade(regrade, edition, "shell")
                    .orElseThrow(() -> new IllegalArgumentException("No hazard source " + regrade));
            HazardSource source = sources.get(regrade).orElseThrow();
            ShellTable table = new ShellTable();
            for (String column : new String[] { "Snapshot", "Unit", "Edition", "S", "Major", "R", "Grade" }) {
                table.column(column);
            }
            for (GradingSnapshot s : snapshots) {
                table.addRow().addContent(s.id(), s.unitCode() + " " + s.unitName(), s.edition(), s.s(), s.major(),
                        s.r() == null ? "" : s.r(), s.grade() == null ? "" : s.grade());
            }
            table.print(System.out);
            System.out.println(source.code() + " " + source.name() + " (" + source.enterpriseName() + ") re-graded");
            return null;
        }
        Page<HazardSourceSummary> result = sources.list(new HazardSourceQuery(region, null, grade, text), Math.max(0, page), 50);
        ShellTable table = new ShellTable();
        for (String column : new String[] { "ID", "Enterprise", "Code", "Name", "Units", "Grade", "Accident types", "Status" }) {
            table.column(column);
        }
        for (HazardSourceSummary s : result.items()) {
            table.addRow().addContent(s.id(), s.enterpriseName(), s.code(), s.name(), s.unitCount(),
                    s.grade() == null ? (s.major() ? "?" : "-") : s.grade(), s.accidentTypes(), s.status());
        }
        table.print(System.out);
        System.out.println(result.total() + " hazard sources" + (region == null ? "" : " in " + region)
                + (result.total() > result.items().size() ? ", page " + result.page() + " of 50 each" : ""));
        return null;
    }
}
