package org.hazardwatch.api.store;

import java.util.List;
import java.util.Optional;

import org.hazardwatch.api.model.MonitoringPoint;

/** Monitoring point definitions. Implementations are thread-safe. */
public interface PointRepository {

    List<MonitoringPoint> findAll();

    Optional<MonitoringPoint> findById(String id);

    /** Inserts the point or replaces the definition of an existing point with the same id. */
    void save(MonitoringPoint point);
}
