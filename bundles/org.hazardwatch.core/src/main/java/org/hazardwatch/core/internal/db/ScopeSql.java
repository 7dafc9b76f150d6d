package org.hazardwatch.core.internal.db;

import java.util.List;

import org.hazardwatch.api.security.DataScope;

/** SQL conditions that keep a query inside a data scope; every store that lists enterprise data uses them. */
public final class ScopeSql {

    private ScopeSql() {
    }

    /** A condition on the enterprise table (alias {@code e}); empty for national scope. */
    public static String onEnterprise(DataScope scope, String alias, List<Object> args) {
        if (scope == null || scope.isAll()) {
            return "";
        }
        switch (scope.kind()) {
            case REGION -> {
                args.add(scope.code() + "%");
                return " AND " + alias + ".region_code LIKE ?";
            }
            case PARK -> {
                args.add(scope.code());
                return " AND " + alias + ".park_code = ?";
            }
            default -> {
                args.add(scope.code());
                return " AND " + alias + ".uscc = ?";
            }
        }
    }

    /** A condition on a column holding an enterprise's USCC; rows of unregistered codes only national scope sees. */
    public static String onEnterpriseCode(DataScope scope, String column, List<Object> args) {
        if (scope == null || scope.isAll()) {
            return "";
        }
        if (scope.kind() == DataScope.Kind.ENTERPRISE) {
            args.add(scope.code());
            return " AND " + column + " = ?";
        }
        return " AND " + column + " IN (SELECT scoped.uscc FROM enterprise scoped WHERE 1 = 1"
                + onEnterprise(scope, "scoped", args) + ")";
    }
}
