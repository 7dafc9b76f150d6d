package org.hazardwatch.api.model;

/** Data quality of a sample, following the OPC UA good/uncertain/bad classes. */
public enum Quality {
    GOOD,
    UNCERTAIN,
    BAD
}
