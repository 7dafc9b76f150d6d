package org.hazardwatch.core.internal.hazard;

import java.math.BigDecimal;

import org.hazardwatch.grading.GradingLine;
import org.hazardwatch.grading.GradingResult;
import org.hazardwatch.grading.SubstanceEntry;
import org.hazardwatch.grading.TableRef;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A grading result as the JSON kept in a snapshot: the calculator's fields (same names as
 * {@code POST /api/grading/gb18218}), every table row used with its table, row, text and value, and the request as
 * given, so a person can follow the working and the inputs can be graded again.
 */
final class GradingJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GradingJson() {
    }

    static String write(GradingResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("edition", r.edition().code());
        root.put("standard", r.standard());
        root.put("gradingMethod", r.gradingMethod());
        root.put("tableData", r.tableData());
        root.put("gradedAt", r.gradedAt().toString());
        root.put("s", r.s());
        root.put("sExact", r.sExact());
        root.put("major", r.major());
        putDecimal(root, "r", r.r());
        root.put("rExact", r.rExact());
        if (r.grade() == null) {
            root.putNull("grade");
        } else {
            root.put("grade", r.grade());
        }
        root.put("gradeLabel", r.gradeLabel());
        root.set("gradeSourceRef", ref(r.gradeSource()));
        root.put("exposedPeople", r.exposedPeople());
        root.put("alpha", r.alpha());
        root.put("alphaSource", r.alphaSource().label());
        root.set("alphaSourceRef", ref(r.alphaSource()));
        root.put("weightedSumExact", r.weightedSumExact());
        ArrayNode lines = root.putArray("lines");
        for (GradingLine l : r.lines()) {
            ObjectNode line = lines.addObject();
            line.put("index", l.index());
            line.put("substance", l.substance());
            line.put("name", l.name());
            line.put("cas", l.cas());
            if (l.tableRow() == null) {
                line.putNull("tableRow");
            } else {
                line.put("tableRow", l.tableRow());
            }
            line.put("mixture", l.mixture() == null ? null : l.mixture().name());
            ArrayNode categories = line.putArray("hazardCategories");
            l.hazardCategories().forEach(categories::add);
            line.put("q", l.q());
            line.put("Q", l.Q());
            line.put("qSource", l.qSource().label());
            line.set("qSourceRef", ref(l.qSource()));
            ArrayNode qCandidates = line.putArray("qCandidates");
            l.qCandidates().forEach(c -> qCandidates.add(ref(c)));
            line.put("ratioExact", l.ratioExact());
            line.put("beta", l.beta());
            line.put("betaSource", l.betaSource().label());
            line.set("betaSourceRef", ref(l.betaSource()));
            line.put("weightedExact", l.weightedExact());
            ArrayNode notes = line.putArray("notes");
            l.notes().forEach(notes::add);
        }
        root.put("working", r.working());
        ObjectNode request = root.putObject("request");
        request.put("edition", r.request().edition().code());
        if (r.request().exposedPeople() == null) {
            request.putNull("exposedPeople");
        } else {
            request.put("exposedPeople", r.request().exposedPeople());
        }
        ArrayNode substances = request.putArray("substances");
        for (SubstanceEntry e : r.request().substances()) {
            ObjectNode s = substances.addObject();
            s.put("name", e.name());
            s.put("cas", e.cas());
            if (e.tableRow() == null) {
                s.putNull("tableRow");
            } else {
                s.put("tableRow", e.tableRow());
            }
            ArrayNode categories = s.putArray("hazardCategories");
            e.hazardCategories().forEach(categories::add);
            putDecimal(s, "tonnes", e.tonnes());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a grading as JSON", e);
        }
    }

    private static void putDecimal(ObjectNode node, String field, BigDecimal value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static ObjectNode ref(TableRef ref) {
        if (ref == null) {
            return null;
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("table", ref.table());
        node.put("row", ref.row());
        node.put("text", ref.text());
        putDecimal(node, "value", ref.value());
        node.put("label", ref.label());
        return node;
    }
}
