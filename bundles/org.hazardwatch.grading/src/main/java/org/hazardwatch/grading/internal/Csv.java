package org.hazardwatch.grading.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the table files: UTF-8, RFC 4180 quoting (no line breaks inside fields), lines starting with {@code #} before
 * the header are comments, first other line is the header.
 */
final class Csv {

    private Csv() {
    }

    /** The rows of a table file under {@code tables/}, each as column name → value (empty string for an empty cell). */
    static List<Map<String, String>> read(String path) {
        String resource = "tables/" + path;
        try (InputStream in = Csv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("table file missing from the bundle: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = null;
            List<Map<String, String>> rows = new ArrayList<>();
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || (header == null && line.startsWith("#"))) {
                    continue;
                }
                List<String> cells = split(line, resource, lineNo);
                if (header == null) {
                    header = cells;
                    continue;
                }
                if (cells.size() != header.size()) {
                    throw new IllegalStateException(resource + " line " + lineNo + ": " + cells.size()
                            + " cells, header has " + header.size());
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), cells.get(i).strip());
                }
                rows.add(Collections.unmodifiableMap(row));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static List<String> split(String line, String resource, int lineNo) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalStateException(resource + " line " + lineNo + ": unterminated quote");
        }
        cells.add(cell.toString());
        return cells;
    }
}
