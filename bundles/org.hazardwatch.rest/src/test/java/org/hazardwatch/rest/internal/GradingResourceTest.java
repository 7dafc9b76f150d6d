package org.hazardwatch.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import javax.ws.rs.core.Response;

import org.hazardwatch.grading.Gb18218Grader;
import org.hazardwatch.grading.GradingException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The calculator's JSON contract on top of the grading engine. */
class GradingResourceTest {

    final GradingResource resource = new GradingResource(Gb18218Grader.create());

    static GradingResource.SubstanceInput chlorine(String tonnes) {
        return new GradingResource.SubstanceInput("氯", "7782-50-5", null, null, new BigDecimal(tonnes), null);
    }

    @Test
    void chlorineAtItsThresholdIsAMajorHazardSource() throws Exception {
        // Q(氯) = 5 t (Table 1), beta = 4 (Table 3), alpha = 1.0 for 1-29 people (Table 5):
        // S = 5/5 = 1 (major, inclusive), R = 1.0 x 4 x 1 = 4 < 10: grade 4
        GradingResource.Grading result = resource.grade(new GradingResource.GradingInput("2018", 10, List.of(chlorine("5"))));
        assertTrue(result.major());
        assertEquals("1", result.sExact());
        assertEquals(4, result.grade());
        assertEquals(0, new BigDecimal("5").compareTo(result.lines().get(0).bigQ()));
        assertTrue(result.lines().get(0).qSource().contains("表1"), result.lines().get(0).qSource());
        JsonNode json = new ObjectMapper().findAndRegisterModules().valueToTree(result);
        assertEquals(5, json.get("lines").get(0).get("Q").asInt(), json.toString());
        assertFalse(json.get("lines").get(0).has("bigQ"));
    }

    @Test
    void belowThresholdIsNotGraded() {
        GradingResource.Grading result = resource.grade(new GradingResource.GradingInput(null, 10, List.of(chlorine("4.99"))));
        assertFalse(result.major());
        assertNull(result.grade());
        assertNull(result.r());
        assertEquals("2018", result.edition());
    }

    @Test
    void badEntriesAreNamedInA400() {
        GradingException unknown = assertThrows(GradingException.class, () -> resource.grade(new GradingResource.GradingInput("2018", 0,
                List.of(chlorine("1"), new GradingResource.SubstanceInput("不存在的物质", null, null, null, BigDecimal.ONE, null)))));
        Response response = new ErrorMapper().toResponse(unknown);
        assertEquals(400, response.getStatus());
        ApiError error = (ApiError) response.getEntity();
        assertEquals("UNKNOWN_SUBSTANCE", error.code());
        assertTrue(error.message().startsWith("substances[1]"), error.message());
        GradingException missing = assertThrows(GradingException.class, () -> resource.grade(new GradingResource.GradingInput("2018", 0,
                List.of(new GradingResource.SubstanceInput("氯", null, null, null, null, null)))));
        assertEquals("MISSING_QUANTITY", missing.reason().name());
        GradingException edition = assertThrows(GradingException.class,
                () -> resource.grade(new GradingResource.GradingInput("1999", 0, List.of(chlorine("1")))));
        assertEquals(400, new ErrorMapper().toResponse(edition).getStatus());
        assertThrows(IllegalArgumentException.class, () -> resource.grade(new GradingResource.GradingInput("2018", 0, List.of())));
    }
}
