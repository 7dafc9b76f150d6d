package org.hazardwatch.api.hazard;

import java.util.List;
import java.util.Map;

import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.FieldError;

/**
 * Writes many enterprises and hazard sources at once, all or nothing: every item is validated first, and only when
 * none has an error are they written, in one transaction. Enterprises are matched by USCC and hazard sources by
 * enterprise USCC and code: a match is updated, anything else created.
 */
public interface RegistryBatchWriter {

    /** A hazard source with its enterprise named by USCC (which may be one of the batch's enterprises). */
    record SourceOfEnterprise(String enterpriseUscc, HazardSource source) {
    }

    /**
     * @param enterpriseErrors errors by index into the enterprises given
     * @param sourceErrors errors by index into the sources given; fields are paths like {@code units[0].inventory[1].tonnes}
     */
    record Outcome(boolean applied, int enterprisesCreated, int enterprisesUpdated, int sourcesCreated,
            int sourcesUpdated, Map<Integer, List<FieldError>> enterpriseErrors,
            Map<Integer, List<FieldError>> sourceErrors) {

        public boolean hasErrors() {
            return !enterpriseErrors.isEmpty() || !sourceErrors.isEmpty();
        }
    }

    default Outcome write(List<Enterprise> enterprises, List<SourceOfEnterprise> sources, boolean dryRun, String actor) {
        return write(enterprises, sources, dryRun, actor, null);
    }

    /**
     * As {@link #write(List, List, boolean, String)}, refusing rows of enterprises outside {@code scope} (null: no
     * limit) with the field error OUTSIDE_SCOPE.
     */
    Outcome write(List<Enterprise> enterprises, List<SourceOfEnterprise> sources, boolean dryRun, String actor,
            org.hazardwatch.api.security.DataScope scope);
}
