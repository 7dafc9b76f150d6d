package org.hazardwatch.core.internal.hazard;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.hazardwatch.api.hazard.HazardSource;
import org.hazardwatch.api.hazard.RegistryBatchWriter;
import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.core.internal.db.Jdbc;
import org.hazardwatch.core.internal.registry.JdbcRegistry;

/**
 * All-or-nothing writes of enterprises and hazard sources (imports, the demo dataset). Validation runs over every item
 * before anything is written; the writes share one connection and one transaction.
 */
public class JdbcRegistryBatch implements RegistryBatchWriter {

    private final DataSource dataSource;
    private final JdbcRegistry registry;
    private final JdbcHazardSources sources;
    private final Clock clock;

    public JdbcRegistryBatch(DataSource dataSource, JdbcRegistry registry, JdbcHazardSources sources, Clock clock) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.sources = sources;
        this.clock = clock;
    }

    @Override
    public synchronized Outcome write(List<Enterprise> enterprises, List<SourceOfEnterprise> sourceItems, boolean dryRun,
            String actor, org.hazardwatch.api.security.DataScope scope) {
        Map<Integer, List<FieldError>> enterpriseErrors = new TreeMap<>();
        Map<Integer, List<FieldError>> sourceErrors = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            // enterprises: each valid on its own, USCCs unique within the file
            List<Enterprise> normalizedEnterprises = new ArrayList<>();
            Map<String, Integer> usccInBatch = new HashMap<>();
            Map<Integer, Long> existingIds = new HashMap<>();
            for (int i = 0; i < enterprises.size(); i++) {
                Enterprise e = JdbcRegistry.normalized(enterprises.get(i));
                normalizedEnterprises.add(e);
                List<FieldError> errors = new ArrayList<>(registry.validate(e));
                if (e.uscc() != null) {
                    Integer earlier = usccInBatch.putIfAbsent(e.uscc(), i);
                    if (earlier != null) {
                        errors.add(new FieldError("uscc", "DUPLICATE_IN_FILE", "the same code is also given for another enterprise of the file"));
                    }
                    Long existing = JdbcRegistry.idByUscc(c, e.uscc());
                    if (existing != null) {
                        existingIds.put(i, existing);
                        if (!inScope(c, scope, e.uscc())) {
                            errors.add(new FieldError("uscc", "OUTSIDE_SCOPE", "this enterprise is registered outside your region"));
                        }
                    }
                }
                if (scope != null && e.regionCode() != null && !scope.coversEnterprise(e.regionCode(), e.parkCode(), e.uscc())) {
                    errors.add(new FieldError("regionCode", "OUTSIDE_SCOPE", "is outside your region"));
                }
                if (!errors.isEmpty()) {
                    enterpriseErrors.put(i, errors);
                }
            }
            // hazard sources: valid, of a known enterprise (stored or in the file), code unique per enterprise
            List<HazardSourceValidator.Checked> checkedSources = new ArrayList<>();
            Set<String> sourceKeys = new HashSet<>();
            for (int i = 0; i < sourceItems.size(); i++) {
                SourceOfEnterprise item = sourceItems.get(i);
                HazardSource source = HazardSourceValidator.normalized(item.source());
                HazardSourceValidator.Checked checked = HazardSourceValidator.check(source, sources.grader());
                checkedSources.add(checked);
                List<FieldError> errors = new ArrayList<>(checked.errors());
                String uscc = item.enterpriseUscc() == null ? null : item.enterpriseUscc().strip().toUpperCase(java.util.Locale.ROOT);
                if (uscc == null || uscc.isEmpty()) {
                    errors.add(new FieldError("enterpriseUscc", "REQUIRED", "is required"));
                } else if (!usccInBatch.containsKey(uscc) && JdbcRegistry.idByUscc(c, uscc) == null) {
                    errors.add(new FieldError("enterpriseUscc", "UNKNOWN_ENTERPRISE",
                            "no enterprise with code " + uscc + " is registered or in the file"));
                } else if (!usccInBatch.containsKey(uscc) && !inScope(c, scope, uscc)) {
                    errors.add(new FieldError("enterpriseUscc", "OUTSIDE_SCOPE", "enterprise " + uscc + " is outside your region"));
                } else if (usccInBatch.containsKey(uscc) && enterpriseErrors.containsKey(usccInBatch.get(uscc))) {
                    errors.add(new FieldError("enterpriseUscc", "INVALID_ENTERPRISE", "the enterprise " + uscc + " of the file has errors"));
                }
                if (source.code() != null && uscc != null && !sourceKeys.add(uscc + "/" + source.code())) {
                    errors.add(new FieldError("code", "DUPLICATE_IN_FILE", "hazard source " + source.code()
                            + " of enterprise " + uscc + " is given twice"));
                }
                if (!errors.isEmpty()) {
                    sourceErrors.put(i, errors);
                }
            }
            if (!enterpriseErrors.isEmpty() || !sourceErrors.isEmpty() || dryRun) {
                int updated = existingIds.size();
                int sourcesUpdated = 0;
                for (SourceOfEnterprise item : sourceItems) {
                    Long enterpriseId = item.enterpriseUscc() == null ? null
                            : JdbcRegistry.idByUscc(c, item.enterpriseUscc().strip().toUpperCase(java.util.Locale.ROOT));
                    if (enterpriseId != null && item.source().code() != null
                            && JdbcHazardSources.sourceIdByCode(c, enterpriseId, item.source().code().strip()) != null) {
                        sourcesUpdated++;
                    }
                }
                return new Outcome(false, enterprises.size() - updated, updated, sourceItems.size() - sourcesUpdated,
                        sourcesUpdated, enterpriseErrors, sourceErrors);
            }
            int[] counts = new int[4];
            Jdbc.inTransaction(c, () -> {
                for (int i = 0; i < normalizedEnterprises.size(); i++) {
                    Long existing = existingIds.get(i);
                    if (existing == null) {
                        JdbcRegistry.insert(c, normalizedEnterprises.get(i), clock.instant());
                        counts[0]++;
                    } else {
                        JdbcRegistry.update(c, existing, normalizedEnterprises.get(i), clock.instant());
                        counts[1]++;
                    }
                }
                for (int i = 0; i < sourceItems.size(); i++) {
                    String uscc = sourceItems.get(i).enterpriseUscc().strip().toUpperCase(java.util.Locale.ROOT);
                    long enterpriseId = JdbcRegistry.idByUscc(c, uscc);
                    HazardSourceValidator.Checked checked = checkedSources.get(i);
                    Long existing = JdbcHazardSources.sourceIdByCode(c, enterpriseId, checked.source().code());
                    if (existing == null) {
                        sources.insert(c, checked, enterpriseId, actor, JdbcHazardSources.Reason.IMPORTED);
                        counts[2]++;
                    } else {
                        sources.replace(c, existing, checked, enterpriseId, actor, JdbcHazardSources.Reason.IMPORTED);
                        counts[3]++;
                    }
                }
                return null;
            });
            return new Outcome(true, counts[0], counts[1], counts[2], counts[3], Map.of(), Map.of());
        } catch (SQLException e) {
            throw JdbcHazardSources.duplicateOr(e, "writing " + enterprises.size() + " enterprises and " + sourceItems.size()
                    + " hazard sources");
        }
    }

    /** Whether a stored enterprise lies in the scope (null scope: no limit). */
    private static boolean inScope(Connection c, org.hazardwatch.api.security.DataScope scope, String uscc) throws java.sql.SQLException {
        if (scope == null || scope.isAll()) {
            return true;
        }
        try (java.sql.PreparedStatement s = c.prepareStatement("SELECT region_code, park_code FROM enterprise WHERE uscc = ?")) {
            s.setString(1, uscc);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                return !rs.next() || scope.coversEnterprise(rs.getString(1), rs.getString(2), uscc);
            }
        }
    }
}
