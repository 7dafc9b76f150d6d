package org.hazardwatch.grading.internal;

import java.util.ArrayList;
import java.util.List;

import org.hazardwatch.grading.Edition;

/** The tables of both editions, loaded once (on first use) and shared; immutable, so safe across threads. */
public final class Tables {

    /**
     * Revision of the table data shipped in this bundle; goes into every snapshot so a grading can be traced to the
     * data it used. Bump it whenever a CSV file under {@code tables/} changes.
     */
    public static final String DATA_REVISION = "org.hazardwatch.grading tables r1 "
            + "(GB 18218-2018 tables per transcription S1 cross-checked with S2/S3; GB 18218-2009 per S8; 2011 annex per S9)";

    private static final class Holder {
        static final Tables INSTANCE = new Tables();
    }

    private final EditionTables t2018;
    private final EditionTables t2009;

    private Tables() {
        t2018 = EditionTables.load2018();
        t2009 = EditionTables.load2009(t2018);
    }

    public static Tables get() {
        return Holder.INSTANCE;
    }

    public EditionTables of(Edition edition) {
        return edition == Edition.GB18218_2009 ? t2009 : t2018;
    }

    /**
     * The Table 1 row of {@code to} that is the same substance as row {@code row} of {@code from}, if exactly one;
     * otherwise (several rows, as 2009 硝化纤维素 → six 2018 rows, or none) {@code null}.
     */
    public Integer translateRow(Edition from, int row, Edition to) {
        if (from == to) {
            return row;
        }
        if (from == Edition.GB18218_2009) {
            Table1Row r = t2009.row(row);
            return r != null && r.linkedRows().size() == 1 ? r.linkedRows().get(0) : null;
        }
        List<Integer> matches = new ArrayList<>();
        for (Table1Row r : t2009.table1()) {
            if (r.linkedRows().contains(row)) {
                matches.add(r.row());
            }
        }
        return matches.size() == 1 ? matches.get(0) : null;
    }
}
