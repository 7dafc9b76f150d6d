package org.hazardwatch.api.security;

import java.util.Objects;

/**
 * The data a user may see: everything (national), a region subtree (by GB/T 2260 code prefix), one chemical park, or
 * one enterprise. Every query and every fetch by id is checked against it on the server.
 *
 * @param code region code prefix, park code or enterprise USCC; null for {@link Kind#ALL}
 */
public record DataScope(Kind kind, String code) {

    public enum Kind {
        ALL,
        REGION,
        PARK,
        ENTERPRISE
    }

    public DataScope {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.ALL && (code == null || code.isBlank())) {
            throw new IllegalArgumentException(kind + " scope needs a code");
        }
        if (kind == Kind.ALL) {
            code = null;
        }
    }

    public static DataScope all() {
        return new DataScope(Kind.ALL, null);
    }

    public static DataScope region(String code) {
        return new DataScope(Kind.REGION, code);
    }

    public static DataScope park(String code) {
        return new DataScope(Kind.PARK, code);
    }

    public static DataScope enterprise(String uscc) {
        return new DataScope(Kind.ENTERPRISE, uscc);
    }

    public boolean isAll() {
        return kind == Kind.ALL;
    }

    /**
     * Whether an enterprise lies in this scope.
     *
     * @param regionCode the county the enterprise sits in
     * @param parkCode its chemical park, or null
     * @param uscc its unified social credit code
     */
    public boolean coversEnterprise(String regionCode, String parkCode, String uscc) {
        return switch (kind) {
            case ALL -> true;
            case REGION -> regionCode != null && regionCode.startsWith(code);
            case PARK -> code.equals(parkCode);
            case ENTERPRISE -> code.equals(uscc);
        };
    }

    /** Whether a whole region (its enterprises and statistics) lies in this scope. */
    public boolean coversRegion(String regionCode) {
        return switch (kind) {
            case ALL -> true;
            case REGION -> regionCode != null && regionCode.startsWith(code);
            case PARK -> code.equals(regionCode);
            case ENTERPRISE -> false;
        };
    }

    /** Whether {@code other} lies entirely within this scope (an administrator may only hand out narrower scopes). */
    public boolean contains(DataScope other) {
        return switch (kind) {
            case ALL -> true;
            case REGION -> other.kind != Kind.ALL && other.kind != Kind.ENTERPRISE && other.code.startsWith(code);
            case PARK -> other.kind == Kind.PARK && code.equals(other.code);
            case ENTERPRISE -> other.kind == Kind.ENTERPRISE && code.equals(other.code);
        };
    }
}
