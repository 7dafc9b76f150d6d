package org.hazardwatch.api.warning;

import java.util.List;

/**
 * An enterprise's risk level: that of its worst hazard source.
 *
 * @param enterpriseCode USCC
 * @param name enterprise name (the code when it is not in the registry)
 * @param regionCode its county, or {@code null}
 * @param level the risk level
 * @param score the worst hazard source's score
 * @param hazardSources every hazard source's warning, worst first
 */
public record EnterpriseRisk(String enterpriseCode, String name, String regionCode, RiskLevel level, double score,
        List<HazardSourceWarning> hazardSources) {
}
