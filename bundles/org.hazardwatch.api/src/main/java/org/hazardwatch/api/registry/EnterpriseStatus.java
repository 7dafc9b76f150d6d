package org.hazardwatch.api.registry;

public enum EnterpriseStatus {
    OPERATING,
    SUSPENDED,
    CLOSED
}
