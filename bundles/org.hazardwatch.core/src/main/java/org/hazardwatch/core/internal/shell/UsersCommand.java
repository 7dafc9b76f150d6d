package org.hazardwatch.core.internal.shell;

import java.security.SecureRandom;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.api.security.Account;
import org.hazardwatch.api.security.AccountDraft;
import org.hazardwatch.api.security.AccountService;
import org.hazardwatch.api.security.AuditLog;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.Role;

@Command(scope = "hazardwatch", name = "users", description = "Lists web accounts; unlocks, disables, enables them, ends their "
        + "sessions or gives them a one-time password (printed once; the user must change it at the next login)")
@Service
public class UsersCommand implements Action {

    @Option(name = "--text", description = "Only accounts whose user name or display name contains this")
    String text;

    @Option(name = "--unlock", description = "End the lockout of this account")
    String unlock;

    @Option(name = "--logout", description = "End every session of this account")
    String logout;

    @Option(name = "--reset-password", description = "Give this account a generated one-time password")
    String resetPassword;

    @Option(name = "--disable", description = "Disable this account (its sessions end)")
    String disable;

    @Option(name = "--enable", description = "Enable this account again")
    String enable;

    @Reference
    AccountService accounts;

    @Reference
    AuditLog audit;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Object execute() {
        Caller shell = ShellAudit.caller();
        if (unlock != null) {
            report("user.unlock", unlock, accounts.unlock(shell, unlock).isPresent(), "unlocked");
        } else if (logout != null) {
            report("user.logout", logout, accounts.endSessions(shell, logout), "sessions ended");
        } else if (resetPassword != null) {
            String password = generated();
            boolean done = accounts.resetPassword(shell, resetPassword, password.toCharArray()).isPresent();
            report("user.password-reset", resetPassword, done, "one-time password: " + password);
        } else if (disable != null || enable != null) {
            String username = disable != null ? disable : enable;
            Account account = accounts.account(shell, username).orElseThrow(() -> new IllegalArgumentException("No account " + username));
            accounts.update(shell, username, new AccountDraft(username, account.displayName(), account.organisationId(),
                    account.departmentId(), account.phone(), account.email(), disable == null,
                    account.roles().stream().map(Role::id).toList(), null));
            report(disable != null ? "user.disable" : "user.enable", username, true, disable != null ? "disabled" : "enabled");
        } else {
            list(shell);
        }
        return null;
    }

    private void report(String action, String username, boolean done, String what) {
        ShellAudit.record(audit, action, "account", username, done, done && !what.startsWith("one-time") ? what : null);
        if (!done) {
            throw new IllegalArgumentException("No account " + username);
        }
        System.out.println(username + ": " + what);
    }

    private void list(Caller shell) {
        var page = accounts.accounts(shell, null, text, 0, 500);
        ShellTable table = new ShellTable();
        for (String column : new String[] {"User", "Name", "Organisation", "Roles", "State", "2FA", "Last login"}) {
            table.column(column);
        }
        java.time.Instant now = java.time.Instant.now();
        for (Account a : page.items()) {
            String state = !a.enabled() ? "disabled" : a.lockedUntil() != null && a.lockedUntil().isAfter(now) ? "locked until "
                    + a.lockedUntil() : a.mustChangePassword() ? "must change password" : "active";
            table.addRow().addContent(a.username(), a.displayName(), a.organisationName(),
                    String.join(",", a.roles().stream().map(Role::name).toList()), state, a.totpEnabled() ? "yes" : "",
                    a.lastLoginAt() == null ? "" : a.lastLoginAt() + " " + (a.lastLoginIp() == null ? "" : a.lastLoginIp()));
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " accounts");
    }

    /** 16 characters with all four classes, so it meets any policy this node can have. */
    static String generated() {
        String lower = "abcdefghijkmnpqrstuvwxyz";
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String digits = "23456789";
        String symbols = "-_.!@#%";
        String all = lower + upper + digits + symbols;
        StringBuilder out = new StringBuilder();
        out.append(lower.charAt(RANDOM.nextInt(lower.length()))).append(upper.charAt(RANDOM.nextInt(upper.length())))
                .append(digits.charAt(RANDOM.nextInt(digits.length()))).append(symbols.charAt(RANDOM.nextInt(symbols.length())));
        while (out.length() < 16) {
            out.append(all.charAt(RANDOM.nextInt(all.length())));
        }
        return out.toString();
    }
}
