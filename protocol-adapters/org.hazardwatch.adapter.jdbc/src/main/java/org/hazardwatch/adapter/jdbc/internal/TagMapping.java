package org.hazardwatch.adapter.jdbc.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Source tag to monitoring point, from a UTF-8 CSV of {@code pointId,tag} rows ({@code #} comments allowed). */
public record TagMapping(Map<String, String> pointByTag, List<String> errors) {

    public static TagMapping parse(Reader source) throws IOException {
        Map<String, String> pointByTag = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        BufferedReader reader = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String row = line.strip();
            if (number == 1 && row.startsWith("\uFEFF")) {
                row = row.substring(1);
            }
            if (row.isEmpty() || row.startsWith("#") || row.equalsIgnoreCase("pointId,tag")) {
                continue;
            }
            int comma = row.indexOf(',');
            if (comma <= 0 || comma == row.length() - 1) {
                errors.add("line " + number + ": expected 'pointId,tag'");
                continue;
            }
            String pointId = row.substring(0, comma).strip();
            String tag = row.substring(comma + 1).strip();
            if (pointByTag.containsValue(pointId)) {
                errors.add("line " + number + ": point " + pointId + " is mapped twice");
            } else if (pointByTag.putIfAbsent(tag, pointId) != null) {
                errors.add("line " + number + ": tag " + tag + " is mapped twice");
            }
        }
        return new TagMapping(pointByTag, errors);
    }
}
