package org.hazardwatch.routes.ingest;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.hazardwatch.api.model.Sample;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** JSON form of a sample batch on the broker queue: an array of {pointId, timestamp (ISO-8601), value, quality}. */
public final class SampleCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SampleCodec() {
    }

    public static String encode(List<Sample> samples) {
        try {
            return MAPPER.writeValueAsString(samples);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode samples", e);
        }
    }

    /** Decodes a batch; a malformed message throws {@link IOException} with the parser's reason. */
    public static List<Sample> decode(String json) throws IOException {
        try {
            Sample[] samples = MAPPER.readValue(json, Sample[].class);
            if (samples == null) {
                throw new IOException("message is JSON null, expected an array of samples");
            }
            return Arrays.asList(samples);
        } catch (IllegalArgumentException | NullPointerException e) {
            // record constructors reject missing fields with these
            throw new IOException(e.getMessage(), e);
        }
    }
}
