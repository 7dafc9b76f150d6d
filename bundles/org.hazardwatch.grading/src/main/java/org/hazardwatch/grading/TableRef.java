package org.hazardwatch.grading;

import java.math.BigDecimal;

/**
 * One row of one table of the standard (or of the 2011 grading annex) that a value was taken from.
 *
 * @param table the table, e.g. {@code "GB 18218-2018 表1"}
 * @param row the row's key: 序号 for Table 1, the symbol for Tables 2 and 4 ({@code "W2"}), the name for Table 3,
 *        the label for Table 5 ({@code "100人以上"}), the grade for Table 6
 * @param text the row's text (name and description, category, condition)
 * @param value the value the row gives (Q in tonnes, β, α, or the grade number)
 */
public record TableRef(String table, String row, String text, BigDecimal value) {

    /** Human-readable reference, e.g. {@code GB 18218-2018 表1 [12] 氯 = 5}. */
    public String label() {
        StringBuilder b = new StringBuilder(table).append(" [").append(row).append(']');
        if (text != null && !text.isEmpty() && !text.equals(row)) {
            b.append(' ').append(text);
        }
        if (value != null) {
            b.append(" = ").append(value.toPlainString());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return label();
    }
}
