package org.hazardwatch.api.danger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The governance project (治理方案) of a major hidden danger: what is done, with what money, by whom, by when, and how
 * far it has got.
 *
 * @param funds 治理资金 in 10,000 yuan (万元)
 * @param progressPercent 0-100
 */
public record GovernanceProject(String measures, BigDecimal funds, String responsible, Instant deadline, int progressPercent,
        String progressNote, Instant updatedAt, String updatedBy) {
}
