package org.hazardwatch.api.security;

import java.util.Set;

/**
 * A named set of permissions. Built-in roles ({@code code} not null) are kept in step with the product and cannot be
 * deleted; their permissions can be viewed but not edited.
 */
public record Role(Long id, String code, String name, String description, Set<Permission> permissions, int userCount) {

    public Role {
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }

    public boolean builtIn() {
        return code != null;
    }
}
