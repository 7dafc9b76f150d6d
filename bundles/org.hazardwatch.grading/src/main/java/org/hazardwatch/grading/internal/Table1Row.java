package org.hazardwatch.grading.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * A row of Table 1 (危险化学品名称及其临界量) of one edition.
 *
 * @param row 序号
 * @param name name and description as printed
 * @param aliases 别名 (2018 only; empty for 2009)
 * @param cas CAS numbers of the row (2009: those of the linked 2018 rows)
 * @param q critical quantity in tonnes
 * @param extraNames match keys added by HazardWatch (not in the standard)
 * @param category 类别 (2009 only, e.g. 毒性气体), else empty
 * @param betaClass key of the 2011 annex 表1 row for the category (2009 only), else empty
 * @param linkedRows 2009: the GB 18218-2018 rows of the same substance; 2018: empty
 * @param english unofficial English name (2018 only), else empty
 * @param keys all normalised name keys the row is matched by
 */
public record Table1Row(int row, String name, List<String> aliases, List<String> cas, BigDecimal q,
        List<String> extraNames, String category, String betaClass, List<Integer> linkedRows, String english,
        List<String> keys) {

    public Table1Row {
        aliases = List.copyOf(aliases);
        cas = List.copyOf(cas);
        extraNames = List.copyOf(extraNames);
        linkedRows = List.copyOf(linkedRows);
        keys = List.copyOf(keys);
    }
}
