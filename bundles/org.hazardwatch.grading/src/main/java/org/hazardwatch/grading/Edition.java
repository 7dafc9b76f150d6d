package org.hazardwatch.grading;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Edition of GB 18218 (and the grading method that goes with it) a grading is done under. */
public enum Edition {

    /** GB 18218-2018, in force since 2019-03-01; identification and grading are both in the standard (4.2, 4.3). */
    GB18218_2018("2018", "GB 18218-2018《危险化学品重大危险源辨识》",
            "GB 18218-2018 4.2（式(1)）、4.3（式(2)，表3~表6）"),

    /**
     * GB 18218-2009 (in force 2009-12-01 to 2019-03-01) for identification, graded with the method of
     * 《危险化学品重大危险源监督管理暂行规定》(原国家安全生产监督管理总局令第40号, 2011) 附件1, which the 2009 standard lacks.
     */
    GB18218_2009("2009", "GB 18218-2009《危险化学品重大危险源辨识》",
            "原国家安全生产监督管理总局令第40号（2011）附件1《危险化学品重大危险源分级方法》");

    private final String code;
    private final String standard;
    private final String gradingMethod;

    Edition(String code, String standard, String gradingMethod) {
        this.code = code;
        this.standard = standard;
        this.gradingMethod = gradingMethod;
    }

    /** The edition year as used in requests: {@code "2018"} or {@code "2009"}. */
    public String code() {
        return code;
    }

    /** Version label of the identification standard. */
    public String standard() {
        return standard;
    }

    /** Where the grading method (R, α, β, grade bands) comes from in this edition. */
    public String gradingMethod() {
        return gradingMethod;
    }

    /**
     * Parses an edition code: {@code "2018"}, {@code "2009"}, or the standard's number such as {@code "GB 18218-2009"}.
     * {@code null} or blank means the current edition, 2018.
     *
     * @throws GradingException if the code names neither edition
     */
    public static Edition fromCode(String code) {
        if (code == null || code.isBlank()) {
            return GB18218_2018;
        }
        String c = Normalizer.normalize(code, Normalizer.Form.NFKC).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        for (Edition e : values()) {
            if (c.equals(e.code) || c.equals("GB18218-" + e.code) || c.equals(e.name())) {
                return e;
            }
        }
        throw new GradingException(GradingException.Reason.INVALID_VALUE, null, null, "edition",
                "unknown edition '" + code + "'; use \"2018\" (default) or \"2009\"", List.of());
    }
}
