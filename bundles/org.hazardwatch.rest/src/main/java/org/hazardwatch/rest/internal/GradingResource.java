package org.hazardwatch.rest.internal;

import org.hazardwatch.api.security.Permission;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.hazardwatch.grading.Edition;
import org.hazardwatch.grading.Gb18218Grader;
import org.hazardwatch.grading.GradingLine;
import org.hazardwatch.grading.GradingRequest;
import org.hazardwatch.grading.GradingResult;
import org.hazardwatch.grading.MixtureRule;
import org.hazardwatch.grading.SubstanceEntry;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The GB 18218 identification and grading calculator (requirement A6), for any inventory, stored or not. */
@Path("/grading")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.REGISTRY_VIEW)
public class GradingResource {

    public record SubstanceInput(String name, String cas, Integer tableRow, List<String> hazardCategories, BigDecimal tonnes,
            MixtureRule mixture) {
    }

    public record GradingInput(String edition, Integer exposedPeople, List<SubstanceInput> substances) {
    }

    public record Line(int index, String substance, BigDecimal q, @JsonProperty("Q") BigDecimal bigQ, String qSource,
            String ratioExact, BigDecimal beta, String betaSource, String weightedExact, List<String> notes) {
    }

    public record Grading(String edition, String standard, String gradingMethod, BigDecimal s, String sExact, boolean major,
            BigDecimal r, String rExact, Integer grade, String gradeLabel, BigDecimal alpha, String alphaSource,
            int exposedPeople, List<Line> lines, String working) {
    }

    private final Gb18218Grader grader;

    public GradingResource(Gb18218Grader grader) {
        this.grader = grader;
    }

    @POST
    @Path("/gb18218")
    @Consumes(MediaType.APPLICATION_JSON)
    public Grading grade(GradingInput input) {
        if (input == null || input.substances() == null || input.substances().isEmpty()) {
            throw new IllegalArgumentException("substances: at least one substance is required");
        }
        Edition edition = Edition.fromCode(input.edition()); // null or blank: 2018; unknown: GradingException (400)
        List<SubstanceEntry> entries = new ArrayList<>();
        for (SubstanceInput s : input.substances()) {
            if (s == null) {
                throw new IllegalArgumentException("substances[" + entries.size() + "]: null entry");
            }
            entries.add(new SubstanceEntry(s.name(), s.cas(), s.tableRow(), s.hazardCategories(), s.tonnes(), s.mixture()));
        }
        GradingResult result = grader.grade(new GradingRequest(edition, input.exposedPeople(), entries));
        return view(result);
    }

    static Grading view(GradingResult r) {
        List<Line> lines = new ArrayList<>();
        for (GradingLine l : r.lines()) {
            lines.add(new Line(l.index(), l.substance(), l.q(), l.Q(), l.qSource().label(), l.ratioExact(), l.beta(),
                    l.betaSource().label(), l.weightedExact(), l.notes()));
        }
        return new Grading(r.edition().code(), r.standard(), r.gradingMethod(), r.s(), r.sExact(), r.major(), r.r(), r.rExact(),
                r.grade(), r.gradeLabel(), r.alpha(), r.alphaSource().label(), r.exposedPeople(), lines, r.working());
    }
}
