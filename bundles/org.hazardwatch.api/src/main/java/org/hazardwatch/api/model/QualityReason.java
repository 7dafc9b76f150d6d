package org.hazardwatch.api.model;

/** Why a sample is not of GOOD quality: the source said so, or a data-quality rule (requirement H2) found it. */
public enum QualityReason {
    /** The device or protocol reported bad quality. */
    SOURCE_BAD,
    /** The device or protocol reported uncertain quality. */
    SOURCE_UNCERTAIN,
    /** NaN or infinity. */
    NOT_A_NUMBER,
    /** Outside the instrument's engineering range. */
    OUT_OF_RANGE,
    /** Changed faster than the instrument can plausibly change. */
    SPIKE,
    /** Unchanged for longer than a live instrument stays still. */
    FROZEN,
    /** Timestamp too far in the future (device clock ahead). */
    FUTURE_TIMESTAMP,
    /** Timestamp too far in the past (device clock behind, or a stale buffer). */
    STALE_TIMESTAMP
}
