package org.hazardwatch.adapter.modbus.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A register map read from a UTF-8 CSV file that integrators edit: one row per monitoring point,
 * {@code pointId,unit,table,address,type,order,scale,offset,pollMs}; everything after {@code type} may be left empty
 * (unit and poll period then come from the instance's configuration, order ABCD, scale 1, offset 0). Bad rows are
 * reported with their line and skipped; the good rows are used.
 */
public record RegisterMap(List<RegisterPoint> points, List<String> errors) {

    public static final String HEADER = "pointId,unit,table,address,type,order,scale,offset,pollMs";

    /** What an empty cell means. */
    public record Defaults(int unitId, long pollIntervalMs) {
    }

    public RegisterMap {
        points = List.copyOf(points);
        errors = List.copyOf(errors);
    }

    public static RegisterMap parse(Reader source, Defaults defaults) throws IOException {
        List<RegisterPoint> points = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        BufferedReader reader = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String row = line.strip();
            if (number == 1 && row.startsWith("\uFEFF")) {
                row = row.substring(1);
            }
            if (row.isEmpty() || row.startsWith("#") || row.regionMatches(true, 0, "pointId,", 0, 8)) {
                continue;
            }
            try {
                RegisterPoint point = parseRow(row, defaults);
                if (!seen.add(point.pointId())) {
                    errors.add("line " + number + ": point " + point.pointId() + " is mapped twice");
                } else {
                    points.add(point);
                }
            } catch (IllegalArgumentException e) {
                errors.add("line " + number + ": " + e.getMessage());
            }
        }
        return new RegisterMap(points, errors);
    }

    static RegisterPoint parseRow(String row, Defaults defaults) {
        String[] cells = row.split(",", -1);
        if (cells.length < 5 || cells.length > 9) {
            throw new IllegalArgumentException("expected " + HEADER + " (at least the first five), found " + cells.length
                    + " columns");
        }
        String pointId = cells[0].strip();
        if (pointId.isEmpty() || pointId.length() > 64) {
            throw new IllegalArgumentException("pointId must be 1 to 64 characters");
        }
        int unitId = (int) number(cell(cells, 1), "unit", defaults.unitId(), 0, 255);
        ModbusTable table = ModbusTable.parse(cells[2]);
        int address = (int) number(cells[3], "address", -1, 0, 65534);
        ModbusDataType type = ModbusDataType.parse(cells[4]);
        if (table.bits() != (type == ModbusDataType.BOOL)) {
            throw new IllegalArgumentException(table.bits() ? "a " + table.label() + " holds a bit: type must be bool"
                    : "type bool needs a coil or discrete table; registers hold int16, uint16, int32, uint32, float32 or float64");
        }
        if (address + type.registers() > 65535) { // PLC4X reads up to register 65534
            throw new IllegalArgumentException(type.label() + " at address " + address + " runs past register 65534");
        }
        RegisterOrder order = RegisterOrder.parse(cell(cells, 5));
        double scale = decimal(cell(cells, 6), "scale", 1);
        if (scale == 0) {
            throw new IllegalArgumentException("scale must not be 0");
        }
        double offset = decimal(cell(cells, 7), "offset", 0);
        long pollMs = number(cell(cells, 8), "pollMs", defaults.pollIntervalMs(), 100, 86_400_000);
        return new RegisterPoint(pointId, unitId, table, address, type, order, scale, offset, pollMs);
    }

    private static String cell(String[] cells, int index) {
        return index < cells.length ? cells[index].strip() : "";
    }

    private static long number(String text, String column, long defaultValue, long min, long max) {
        String t = text.strip();
        if (t.isEmpty()) {
            if (defaultValue < 0) {
                throw new IllegalArgumentException(column + " is required");
            }
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + t + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(column + " " + value + " is outside " + min + ".." + max);
        }
        return value;
    }

    private static double decimal(String text, String column, double defaultValue) {
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a number");
        }
    }
}
