package org.hazardwatch.api.security;

import java.util.List;
import java.util.Optional;

import org.hazardwatch.api.registry.Page;

/**
 * Accounts and roles, administered within the administrator's scope. Nobody can hand out a permission they do not
 * hold, or place an account in an organisation outside their scope.
 */
public interface AccountService {

    Page<Account> accounts(Caller caller, Long organisationId, String text, int page, int size);

    Optional<Account> account(Caller caller, String username);

    /** Creates an account with a one-time password the user must change at first login. */
    Account create(Caller caller, AccountDraft draft);

    Optional<Account> update(Caller caller, String username, AccountDraft draft);

    /** Ends a lockout and clears the failure count. */
    Optional<Account> unlock(Caller caller, String username);

    /** Sets a one-time password (the user must change it) and ends the user's sessions. */
    Optional<Account> resetPassword(Caller caller, String username, char[] password);

    /** Turns a user's second factor off (lost phone); they may enrol again. */
    Optional<Account> resetTotp(Caller caller, String username);

    /** Ends every session of a user. */
    boolean endSessions(Caller caller, String username);

    List<Role> roles(Caller caller);

    Optional<Role> role(Caller caller, long id);

    Role createRole(Caller caller, Role role);

    Optional<Role> updateRole(Caller caller, long id, Role role);

    /** @throws IllegalStateException for built-in roles and roles still held by accounts */
    boolean deleteRole(Caller caller, long id);
}
