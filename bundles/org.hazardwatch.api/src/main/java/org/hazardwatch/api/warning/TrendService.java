package org.hazardwatch.api.warning;

import java.time.Duration;
import java.util.List;

/** Predictions from each point's recent trend (the alarm engine keeps the trends, as it sees every sample). */
public interface TrendService {

    /** Points whose trend reaches an alarm limit that is not yet active within {@code horizon}, soonest first. */
    List<TrendPrediction> predictions(Duration horizon);
}
