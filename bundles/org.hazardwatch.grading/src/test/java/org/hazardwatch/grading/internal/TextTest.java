package org.hazardwatch.grading.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void nameKeysIgnoreWidthSpacesBracketsAndCase() {
        assertEquals(Text.nameKey("硝化纤维素(含水≥25%)"), Text.nameKey(" 硝化纤维素（含水≥25％） "));
        assertEquals(Text.nameKey("硝化纤维素(含水≥25%)"), Text.nameKey("硝化纤维素(含水>=25%)"));
        assertEquals(Text.nameKey("硝化纤维素[干的或含水(或乙醇)<25%]"), Text.nameKey("硝化纤维素【干的或含水（或乙醇）＜25％】"));
        assertEquals(Text.nameKey("甲烷,天然气"), Text.nameKey("甲烷，天然气"));
        assertEquals(Text.nameKey("煤气(CO,CO和H₂、CH₄的混合物等)"), Text.nameKey("煤气(CO,CO和H2、CH4的混合物等)"));
        assertEquals("TDI", Text.nameKey("ｔｄｉ"));
        assertEquals("液氯", Text.nameKey("液\u3000氯"));
        assertNull(Text.nameKey("  "));
        assertNull(Text.nameKey(null));
    }

    @Test
    void symbolsAreNormalised() {
        assertEquals("W5.1", Text.symbol(" w5.1 "));
        assertEquals("W5.1", Text.symbol("Ｗ５．１"));
        assertEquals("2.3-T1", Text.symbol("2.3–t1"));
        assertNull(Text.symbol(" "));
    }

    @Test
    void casIsNormalisedAndCheckDigitVerified() {
        assertEquals("7782-50-5", Text.cas(" 7782-50-5 "));
        assertEquals("7782-50-5", Text.cas("７７８２－５０－５"));
        assertEquals("7782-50-5", Text.cas("7782–50–5"));
        assertNull(Text.cas(""));
        // 7782-50-5: the digits before the check digit are 778250; from the right
        // 0·1 + 5·2 + 2·3 + 8·4 + 7·5 + 7·6 = 0 + 10 + 6 + 32 + 35 + 42 = 125 → 125 mod 10 = 5
        assertEquals(5, Text.casCheckDigit("7782-50-5"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Text.cas("7782-50-4"));
        assertTrue(bad.getMessage().contains("check digit"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Text.cas("7782505"));
        assertThrows(IllegalArgumentException.class, () -> Text.cas("CAS 7782-50-5"));
        assertTrue(Text.casCheckDigitOk("9004-70-0"));
        assertFalse(Text.casCheckDigitOk("9004-70-1"));
    }
}
