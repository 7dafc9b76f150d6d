package org.hazardwatch.api.security;

import java.util.List;

/**
 * What an administrator sends to create or change an account.
 *
 * @param password initial password (creation only); the user must change it at the first login
 * @param roleIds the roles to hold; an administrator may only hand out roles whose permissions they hold themselves
 */
public record AccountDraft(String username, String displayName, Long organisationId, Long departmentId, String phone,
        String email, Boolean enabled, List<Long> roleIds, String password) {
}
