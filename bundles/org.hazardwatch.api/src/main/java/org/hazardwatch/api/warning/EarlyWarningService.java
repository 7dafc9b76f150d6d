package org.hazardwatch.api.warning;

import java.util.List;
import java.util.Optional;

/** Early warning (D2): trend predictions, combined hazard source warnings, enterprise risk levels with reasons. */
public interface EarlyWarningService {

    /** Predictions within the model's horizon, soonest first. */
    List<TrendPrediction> predictions();

    /** Every enterprise with monitoring points, highest score first. */
    List<EnterpriseRisk> risks();

    Optional<EnterpriseRisk> risk(String enterpriseCode);

    RiskModel model();
}
