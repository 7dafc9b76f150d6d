package org.hazardwatch.api.hazard;

import java.util.List;

/**
 * Outcome of an import. When {@code errors} is not empty nothing was written.
 *
 * @param applied whether the file was written (false for a dry run or when there were errors)
 * @param rows data rows read per sheet: enterprises, hazard sources, inventory
 */
public record ImportReport(boolean applied, int enterpriseRows, int hazardSourceRows, int inventoryRows,
        int enterprisesCreated, int enterprisesUpdated, int hazardSourcesCreated, int hazardSourcesUpdated,
        List<RowError> errors) {

    public ImportReport {
        errors = List.copyOf(errors);
    }
}
