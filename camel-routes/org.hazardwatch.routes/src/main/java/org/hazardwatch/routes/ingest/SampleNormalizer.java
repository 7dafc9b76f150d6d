package org.hazardwatch.routes.ingest;

import java.util.ArrayList;
import java.util.List;

import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;

/**
 * First step of the ingest pipeline: a device value that is not a finite number (NaN, infinity) is kept, as a BAD
 * sample with value 0, so the reading is recorded but never raises a process alarm. The data-quality filter of the
 * acquisition issue extends this step.
 */
public final class SampleNormalizer {

    private SampleNormalizer() {
    }

    public static List<Sample> normalize(List<Sample> samples) {
        List<Sample> normalized = new ArrayList<>(samples.size());
        for (Sample sample : samples) {
            if (Double.isFinite(sample.value())) {
                normalized.add(sample);
            } else {
                normalized.add(new Sample(sample.pointId(), sample.timestamp(), 0.0, Quality.BAD));
            }
        }
        return normalized;
    }
}
