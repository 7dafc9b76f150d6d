package org.hazardwatch.core.internal.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hazardwatch.api.security.Organisation;
import org.hazardwatch.api.security.OrganisationService;

@Command(scope = "hazardwatch", name = "organisations", description = "Prints the organisation tree: level, region or "
        + "enterprise, departments and number of accounts")
@Service
public class OrganisationsCommand implements Action {

    @Reference
    OrganisationService organisations;

    @Override
    public Object execute() {
        List<Organisation> all = organisations.list(ShellAudit.caller());
        Map<Long, Integer> depth = new HashMap<>();
        for (Organisation o : all) {
            int d = o.parentId() == null ? 0 : depth.getOrDefault(o.parentId(), 0) + 1;
            depth.put(o.id(), d);
            String where = o.enterpriseUscc() != null ? o.enterpriseUscc() : o.regionCode() == null ? "" : o.regionCode();
            System.out.println("  ".repeat(d) + o.name() + "  [" + o.level() + (where.isEmpty() ? "" : " " + where) + "]  "
                    + o.userCount() + " accounts"
                    + (o.departments().isEmpty() ? "" : "  departments: " + String.join(", ",
                            o.departments().stream().map(dep -> dep.name()).toList())));
        }
        System.out.println(all.size() + " organisations");
        return null;
    }
}
