package org.hazardwatch.core.internal.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hazardwatch.api.registry.FieldError;
import org.hazardwatch.api.registry.ValidationException;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.core.internal.db.Jdbc;

/** The area an analysis is about, checked against the caller's scope; shared by every analysis. */
final class AnalysisArea {

    private AnalysisArea() {
    }

    /** What an analysis is about: the country, a region, a park or one enterprise. */
    enum AreaKind {
        NATION(null), PROVINCE("CITY"), CITY("COUNTY"), COUNTY("ENTERPRISE"), PARK("ENTERPRISE"), ENTERPRISE(null);

        final String childLevel;

        AreaKind(String childLevel) {
            this.childLevel = childLevel;
        }
    }

    record Area(AreaKind kind, String code, String name) {

        String childLevel() {
            return kind == AreaKind.NATION ? "PROVINCE" : kind.childLevel;
        }

        /** The part one level down a row of this area falls into. */
        String childOf(String regionCode, String uscc, String enterpriseName) {
            return switch (kind) {
                case NATION -> regionCode.substring(0, 2);
                case PROVINCE -> regionCode.substring(0, 4);
                case CITY -> regionCode.substring(0, 6);
                case COUNTY, PARK -> uscc != null ? uscc : enterpriseName;
                case ENTERPRISE -> null;
            };
        }

        /** The SQL condition (on columns region_code, park_code, uscc of any alias-free table). */
        String condition(List<Object> args) {
            switch (kind) {
                case NATION -> {
                    return "1 = 1";
                }
                case PARK -> {
                    args.add(code);
                    return "park_code = ?";
                }
                case ENTERPRISE -> {
                    args.add(code);
                    return "uscc = ?";
                }
                default -> {
                    args.add(code + "%");
                    return "region_code LIKE ?";
                }
            }
        }
    }

    
    /** The area a caller asks about (their whole scope when {@code requested} is blank), checked against the scope. */
    static Area area(Connection c, Caller caller, String requested) throws SQLException {
        if (!caller.has(Permission.ANALYTICS_VIEW)) {
            throw new SecurityException("analytics need analytics:view");
        }
        DataScope scope = caller.scope();
        String code = requested == null ? "" : requested.strip().toUpperCase(java.util.Locale.ROOT);
        if (code.isEmpty() && !scope.isAll()) {
            code = scope.code();
        }
        // GB/T 2260 six-digit forms of provinces and cities (370000, 370200), as maps and spreadsheets write them
        if (code.matches("[0-9]{6}")) {
            code = code.endsWith("0000") ? code.substring(0, 2) : code.endsWith("00") ? code.substring(0, 4) : code;
        }
        Area area;
        if (code.isEmpty()) {
            area = new Area(AreaKind.NATION, "", "全国");
        } else if (code.matches("[0-9]{2}|[0-9]{4}|[0-9]{6}")) {
            AreaKind kind = code.length() == 2 ? AreaKind.PROVINCE : code.length() == 4 ? AreaKind.CITY : AreaKind.COUNTY;
            area = new Area(kind, code, regionName(c, code));
        } else if (code.matches("[0-9]{6}P[0-9]{2}")) {
            area = new Area(AreaKind.PARK, code, regionName(c, code));
        } else if (code.matches("[0-9A-Z]{18}")) {
            area = enterprise(c, code);
        } else {
            throw new ValidationException(List.of(new FieldError("region", "INVALID",
                    "a division code (37, 3702, 370281 or 370000), a park code (370281P01) or an enterprise's USCC")));
        }
        if (!covers(c, scope, area)) {
            throw new SecurityException("the area " + code + " is outside your scope");
        }
        return area;
    }

    private static boolean covers(Connection c, DataScope scope, Area area) throws SQLException {
        if (scope.isAll()) {
            return true;
        }
        return switch (area.kind()) {
            case NATION -> false;
            case PROVINCE, CITY, COUNTY -> scope.kind() == DataScope.Kind.REGION && area.code().startsWith(scope.code());
            case PARK -> scope.kind() == DataScope.Kind.REGION && area.code().startsWith(scope.code())
                    || scope.kind() == DataScope.Kind.PARK && area.code().equals(scope.code());
            case ENTERPRISE -> {
                try (PreparedStatement s = c.prepareStatement("SELECT region_code, park_code FROM enterprise WHERE uscc = ?")) {
                    s.setString(1, area.code());
                    try (ResultSet rs = s.executeQuery()) {
                        yield rs.next() && scope.coversEnterprise(rs.getString(1), rs.getString(2), area.code());
                    }
                }
            }
        };
    }

    private static String regionName(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT full_name FROM region WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ValidationException(List.of(new FieldError("region", "UNKNOWN_REGION", "no region " + code)));
                }
                return rs.getString(1);
            }
        }
    }

    private static Area enterprise(Connection c, String uscc) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT name FROM enterprise WHERE uscc = ?")) {
            s.setString(1, uscc);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    // the same answer as outside the scope: guessing codes reveals nothing
                    throw new SecurityException("no enterprise " + uscc + " in your scope");
                }
                return new Area(AreaKind.ENTERPRISE, uscc, rs.getString(1));
            }
        }
    }

    /** Names of the parts one level down: regions from the division table, enterprises from the rows. */
    static Map<String, String> childNames(Connection c, Area area, List<String> codes) throws SQLException {
        Map<String, String> names = new HashMap<>();
        if (area.kind() == AreaKind.NATION || area.kind() == AreaKind.PROVINCE || area.kind() == AreaKind.CITY) {
            List<Object> args = new ArrayList<>();
            String parent = area.kind() == AreaKind.NATION ? "parent_code IS NULL" : "parent_code = ?";
            if (area.kind() != AreaKind.NATION) {
                args.add(area.code());
            }
            try (PreparedStatement s = c.prepareStatement("SELECT code, name FROM region WHERE " + parent)) {
                Jdbc.bind(s, args);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        names.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        for (String code : codes) {
            names.putIfAbsent(code, code);
        }
        return names;
    }

    /** An industry filter: a GB/T 4754 code or its first digits (e.g. 26), upper case; null when blank. */
    static String industry(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!c.matches("[A-Z]?[0-9]{1,4}")) {
            throw new ValidationException(List.of(new FieldError("industry", "INVALID", "a GB/T 4754 code or its first digits, e.g. 26")));
        }
        return c;
    }
}
