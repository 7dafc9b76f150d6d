package org.hazardwatch.api.warning;

import java.util.List;

/**
 * The combined warning of one major hazard source from its points.
 *
 * @param enterpriseCode its enterprise (USCC)
 * @param code the hazard source's code in its enterprise; {@code null} for the enterprise's points outside any source
 * @param name its name
 * @param grade its grade (1 highest to 4), or {@code null} when not graded
 * @param level the risk level
 * @param score the sum of its reasons times the grade multiplier
 * @param reasons what contributes, largest first
 */
public record HazardSourceWarning(String enterpriseCode, String code, String name, Integer grade, RiskLevel level,
        double score, List<RiskReason> reasons) {
}
