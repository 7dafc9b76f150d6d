package org.hazardwatch.api.live;

import java.util.Objects;

/**
 * Something a live screen shows at once.
 *
 * @param topic {@code alarm} (an alarm occurrence changed; data is the occurrence) or {@code sample} (a new value;
 *        data is the sample)
 * @param pointId the point it is about, so subscribers can filter without looking into {@code data}
 * @param data the payload, serialised as JSON by the transport
 */
public record LiveEvent(String topic, String pointId, Object data) {

    public static final String ALARM = "alarm";
    public static final String SAMPLE = "sample";

    public LiveEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(data, "data");
    }
}
