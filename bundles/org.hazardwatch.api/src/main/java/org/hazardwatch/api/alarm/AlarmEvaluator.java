package org.hazardwatch.api.alarm;

import java.util.List;

import org.hazardwatch.api.model.Sample;

/**
 * Turns stored samples into alarm records. The ingest pipeline calls the registered evaluator after samples are
 * stored; replacing the service replaces the alarm logic.
 */
public interface AlarmEvaluator {

    void evaluate(List<Sample> storedSamples);
}
