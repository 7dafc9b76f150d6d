package org.hazardwatch.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.security.AccountService;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.OrganisationService;
import org.hazardwatch.core.internal.security.DemoOrganisations;

@Command(scope = "hazardwatch", name = "demo-accounts", description = "Creates the organisations of the simulated plant's "
        + "region (山东省 → 青岛市 → 胶州市 → the plant) with one demo person each: a city regulator, a county lead and the "
        + "plant's safety manager; prints their one-time passwords once. Running it again adds only what is missing")
@Service
public class DemoAccountsCommand implements Action {

    @Reference
    OrganisationService organisations;

    @Reference
    AccountService accounts;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() {
        var created = DemoOrganisations.create(organisations, accounts, ShellAudit.caller(), UsersCommand::generated);
        ShellTable table = new ShellTable();
        for (String column : new String[] {"User", "Organisation", "Role", "One-time password"}) {
            table.column(column);
        }
        for (var account : created) {
            table.addRow().addContent(account.username(), account.organisation(), account.role(),
                    account.oneTimePassword() == null ? "(exists)" : account.oneTimePassword());
            if (account.oneTimePassword() != null) {
                ShellAudit.record(audit, "user.create", "account", account.username(), true, "demo account, " + account.role());
            }
        }
        table.print(System.out);
        System.out.println("Each must choose their own password at the first login. Log in at the web app as each to see its scope.");
        return null;
    }
}
