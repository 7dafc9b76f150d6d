package org.hazardwatch.api.security;

import java.util.List;
import java.util.Optional;

/**
 * Organisations and their departments. Every call takes the acting caller: administrators see and change only
 * organisations inside their own scope, and only below their own organisation.
 */
public interface OrganisationService {

    /** Organisations visible to the caller, parents before children. */
    List<Organisation> list(Caller caller);

    Optional<Organisation> get(Caller caller, long id);

    /**
     * Creates an organisation under {@code parentId}; throws {@link org.hazardwatch.api.registry.ValidationException}
     * naming the rejected fields (level not under the parent's, region outside the parent's, unknown enterprise).
     */
    Organisation create(Caller caller, Organisation organisation);

    /** Renames an organisation (level, region and enterprise are fixed once created). */
    Optional<Organisation> rename(Caller caller, long id, String name);

    /**
     * Deletes an organisation without users, departments or children.
     *
     * @throws IllegalStateException when it still has any
     */
    boolean delete(Caller caller, long id);

    Department addDepartment(Caller caller, long organisationId, String name);

    /** @throws IllegalStateException when users still belong to it */
    boolean deleteDepartment(Caller caller, long organisationId, long departmentId);
}
