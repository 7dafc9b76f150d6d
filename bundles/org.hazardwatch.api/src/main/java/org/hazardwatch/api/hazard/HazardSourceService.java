package org.hazardwatch.api.hazard;

import java.util.List;
import java.util.Optional;

import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.registry.Page;

/**
 * Major hazard sources with their units, equipment and inventories (requirement A6). Storing a source grades every
 * unit under GB 18218-2018 and keeps each grading as a snapshot when its inputs changed. Implementations are
 * thread-safe.
 */
public interface HazardSourceService {

    /** Sources matching the query, by enterprise name and code. */
    Page<HazardSourceSummary> list(HazardSourceQuery query, int page, int size);

    Optional<HazardSource> get(long id);

    /**
     * Validates and stores a new source of an enterprise, grading its units. Throws
     * {@link org.hazardwatch.api.registry.ValidationException} naming every rejected field, with paths such as
     * {@code units[0].inventory[1].tonnes}.
     */
    HazardSource create(HazardSource source, String actor);

    /** Validates and replaces a source; empty when there is no such id. */
    Optional<HazardSource> update(long id, HazardSource source, String actor);

    /** Deletes a source with its units and grading history; false when there is no such id. */
    boolean delete(long id);

    /** Grading history of a source, newest first, without the result JSON. */
    List<GradingSnapshot> gradings(long sourceId);

    /** One snapshot with its result JSON. */
    Optional<GradingSnapshot> grading(long snapshotId);

    /**
     * Grades every unit of a source again from its current inventory under {@code edition} ("2018" or "2009") and
     * stores the new snapshots; empty when there is no such source.
     */
    Optional<List<GradingSnapshot>> regrade(long sourceId, String edition, String actor);

    /** Monitoring points attached to the source's equipment or to the source itself. */
    List<MonitoringPoint> points(long sourceId);
}
