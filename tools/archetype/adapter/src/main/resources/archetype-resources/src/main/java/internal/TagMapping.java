package ${package}.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Device tag to monitoring point, from a UTF-8 CSV of {@code pointId,tag} rows; bad rows are reported and skipped. */
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
            if (number == 1 && row.startsWith("\uFEFF")) { // a byte-order mark, as Excel writes UTF-8 CSV
                row = row.substring(1);
            }
            if (row.isEmpty() || row.startsWith("\u0023") || row.equalsIgnoreCase("pointId,tag")) {
                continue;
            }
            String[] cells = row.split(",", -1);
            if (cells.length != 2 || cells[0].isBlank() || cells[1].isBlank()) {
                errors.add("line " + number + ": expected 'pointId,tag'");
            } else if (pointByTag.containsValue(cells[0].strip())) {
                errors.add("line " + number + ": point " + cells[0].strip() + " is mapped twice");
            } else if (pointByTag.putIfAbsent(cells[1].strip(), cells[0].strip()) != null) {
                errors.add("line " + number + ": tag " + cells[1].strip() + " is mapped twice");
            }
        }
        return new TagMapping(pointByTag, errors);
    }
}
