package org.hazardwatch.core.internal.shell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hazardwatch.grading.Edition;
import org.hazardwatch.grading.Gb18218Grader;
import org.hazardwatch.grading.GradingRequest;
import org.hazardwatch.grading.SubstanceEntry;

@Command(scope = "hazardwatch", name = "grade", description = "Identifies and grades a unit per GB 18218 and prints the working. "
        + "Substances as <name or CAS>[#tableRow][:CAT,CAT]=<tonnes>, e.g. 氯=12.5 7664-41-7=80 硝化纤维素#38=3 某溶剂:W5.3=600")
@Service
public class GradeCommand implements Action {

    static final Pattern ENTRY = Pattern.compile("(?<id>[^#:=]+)(?:#(?<row>\\d+))?(?::(?<cats>[^=]+))?=(?<tonnes>.+)");
    static final Pattern CAS = Pattern.compile("\\d{2,7}-\\d{2}-\\d");

    @Option(name = "--edition", description = "2018 (default) or 2009")
    String edition = "2018";

    @Option(name = "--people", description = "People outside the plant within 500 m (Table 5)")
    int people;

    @Argument(index = 0, name = "substances", required = true, multiValued = true,
            description = "<name or CAS>[#tableRow][:CAT,CAT]=<tonnes>")
    List<String> substances;

    @Override
    public Object execute() {
        GradingRequest request = new GradingRequest(Edition.fromCode(edition), people, parse(substances));
        System.out.print(Gb18218Grader.create().grade(request).working());
        return null;
    }

    static List<SubstanceEntry> parse(List<String> arguments) {
        List<SubstanceEntry> entries = new ArrayList<>();
        for (String argument : arguments) {
            Matcher m = ENTRY.matcher(argument.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + argument + "' is not <name or CAS>[#row][:CAT,CAT]=<tonnes>");
            }
            BigDecimal tonnes;
            try {
                tonnes = new BigDecimal(m.group("tonnes").strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + m.group("tonnes") + "' in '" + argument + "' is not a quantity in tonnes");
            }
            String id = m.group("id").strip();
            boolean isCas = CAS.matcher(id).matches();
            List<String> categories = m.group("cats") == null ? List.of() : Arrays.stream(m.group("cats").split(","))
                    .map(String::strip).filter(c -> !c.isEmpty()).toList();
            entries.add(new SubstanceEntry(isCas ? null : id, isCas ? id : null,
                    m.group("row") == null ? null : Integer.valueOf(m.group("row")), categories, tonnes));
        }
        return entries;
    }
}
