package org.hazardwatch.api.security;

/** Level of an organisation in the five-level supervision chain; parks rank with counties. */
public enum OrgLevel {
    NATIONAL,
    PROVINCE,
    CITY,
    COUNTY,
    PARK,
    ENTERPRISE;

    /** Whether users of this level reach live parameters of a county only through an authorised request (C3). */
    public boolean needsGrantForLive() {
        return this == NATIONAL || this == PROVINCE || this == CITY;
    }

    /** Whether an organisation of {@code child} level may sit directly under one of this level. */
    public boolean mayParent(OrgLevel child) {
        return switch (this) {
            case NATIONAL -> child == PROVINCE;
            case PROVINCE -> child == CITY;
            case CITY -> child == COUNTY;
            case COUNTY -> child == PARK || child == ENTERPRISE;
            case PARK -> child == ENTERPRISE;
            case ENTERPRISE -> false;
        };
    }
}
