package org.hazardwatch.api.alarm;

import java.util.List;
import java.util.Optional;

/** Alarm settings per monitoring point, their change history, and their check against GB/T 50493-2019. */
public interface AlarmDefinitionService {

    /** The effective definition of a point: stored, or the built-in default for its type; empty for an unknown point. */
    Optional<AlarmDefinition> definition(String pointId);

    /**
     * Stores a point's definition and records each changed setting with {@code user}, the time and {@code reason}.
     *
     * @return the GB/T 50493 findings for the stored definition (saving is not refused for them; they are reported)
     * @throws org.hazardwatch.api.registry.ValidationException when settings are inconsistent (limits out of order,
     *         negative deadband, ...)
     * @throws java.util.NoSuchElementException when the point does not exist
     */
    List<StandardFinding> save(AlarmDefinition definition, String user, String reason);

    /** Removes a stored definition so the built-in default applies again (recorded like a change). */
    void reset(String pointId, String user, String reason);

    /** Changes newest first, of one point or of every point when {@code pointId} is {@code null}. */
    List<DefinitionChange> changes(String pointId, int limit);

    /** GB/T 50493-2019 findings for one definition (nothing for points that are not gas detectors). */
    List<StandardFinding> check(AlarmDefinition definition);

    /** GB/T 50493-2019 findings for every point. */
    List<StandardFinding> checkAll();

    /** The toxic gases the check knows, with their OEL and IDLH. */
    List<ToxicGas> gases();
}
