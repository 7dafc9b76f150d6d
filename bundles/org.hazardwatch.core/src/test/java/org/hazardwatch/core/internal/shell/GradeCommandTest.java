package org.hazardwatch.core.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.hazardwatch.grading.SubstanceEntry;
import org.junit.jupiter.api.Test;

class GradeCommandTest {

    @Test
    void substancesAreParsedFromTheCommandLine() {
        List<SubstanceEntry> entries = GradeCommand.parse(List.of("氯=12.5", "7664-41-7=80", "硝化纤维素#38=3", "某溶剂:W5.3, W6=600"));
        assertEquals("氯", entries.get(0).name());
        assertEquals(new BigDecimal("12.5"), entries.get(0).tonnes());
        assertNull(entries.get(1).name());
        assertEquals("7664-41-7", entries.get(1).cas());
        assertEquals(38, entries.get(2).tableRow());
        assertEquals(List.of("W5.3", "W6"), entries.get(3).hazardCategories());
        assertThrows(IllegalArgumentException.class, () -> GradeCommand.parse(List.of("氯")));
        assertThrows(IllegalArgumentException.class, () -> GradeCommand.parse(List.of("氯=lots")));
    }
}
