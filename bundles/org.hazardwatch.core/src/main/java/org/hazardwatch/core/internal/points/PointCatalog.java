package org.hazardwatch.core.internal.points;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;

/**
 * Reads monitoring point definitions from the integrator-edited catalogue file ({@code etc/hazardwatch/points.csv}).
 * Format: UTF-8, comma separated, {@code #} starts a comment line, first non-comment line is the header
 * {@value #HEADER}. Empty alarm limits and hazard source mean none. A bad row is reported with its line number and
 * skipped; the good rows still load.
 */
public final class PointCatalog {

    public static final String HEADER = "id,name,type,unit,rangeLow,rangeHigh,alarmLow,alarmHigh,area,enterprise,hazardSource,equipment";

    /** The header before points could name their equipment; files with it still load. */
    static final String HEADER_WITHOUT_EQUIPMENT = "id,name,type,unit,rangeLow,rangeHigh,alarmLow,alarmHigh,area,enterprise,hazardSource";

    public record Result(List<MonitoringPoint> points, List<String> errors) {
    }

    private PointCatalog() {
    }

    public static Result parse(Reader source) throws IOException {
        List<MonitoringPoint> points = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        BufferedReader reader = new BufferedReader(source);
        String line;
        int number = 0;
        boolean headerSeen = false;
        int columns = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (number == 1 && trimmed.startsWith("\uFEFF")) {
                trimmed = trimmed.substring(1);
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                String header = trimmed.replace(" ", "");
                if (header.equalsIgnoreCase(HEADER)) {
                    columns = 12;
                } else if (header.equalsIgnoreCase(HEADER_WITHOUT_EQUIPMENT)) {
                    columns = 11;
                } else {
                    errors.add("line " + number + ": header must be '" + HEADER + "'");
                    return new Result(points, errors);
                }
                continue;
            }
            try {
                points.add(parseRow(trimmed, columns));
            } catch (IllegalArgumentException e) {
                errors.add("line " + number + ": " + e.getMessage());
            }
        }
        return new Result(points, errors);
    }

    private static MonitoringPoint parseRow(String row, int columns) {
        String[] f = row.split(",", -1);
        if (f.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " fields, found " + f.length);
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].strip();
        }
        PointType type = PointType.parse(f[2]);
        return new MonitoringPoint(f[0], f[1], type, f[3], number(f[4], "rangeLow"), number(f[5], "rangeHigh"),
                optionalNumber(f[6], "alarmLow"), optionalNumber(f[7], "alarmHigh"), f[8], f[9], f[10].isEmpty() ? null : f[10],
                columns > 11 && !f[11].isEmpty() ? f[11] : null);
    }

    private static double number(String text, String field) {
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a finite number");
        }
    }

    private static Double optionalNumber(String text, String field) {
        return text.isEmpty() ? null : number(text, field);
    }
}
