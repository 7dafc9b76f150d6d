package org.hazardwatch.grading.internal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hazardwatch.grading.AccidentHazard;

/**
 * Accident types per GB 18218-2018 Table 1 row ({@code gb18218_2018/accident_types.csv}, derived by HazardWatch from
 * the substances' GHS classes) and per Table 2 hazard symbol.
 */
public final class AccidentHazards {

    private static final class Holder {
        static final Map<Integer, Set<AccidentHazard>> BY_ROW = load();
    }

    private AccidentHazards() {
    }

    private static Map<Integer, Set<AccidentHazard>> load() {
        Map<Integer, Set<AccidentHazard>> byRow = new HashMap<>();
        for (Map<String, String> row : Csv.read("gb18218_2018/accident_types.csv")) {
            Set<AccidentHazard> hazards = EnumSet.noneOf(AccidentHazard.class);
            if ("1".equals(row.get("fire"))) {
                hazards.add(AccidentHazard.FIRE);
            }
            if ("1".equals(row.get("explosion"))) {
                hazards.add(AccidentHazard.EXPLOSION);
            }
            if ("1".equals(row.get("poisoning"))) {
                hazards.add(AccidentHazard.POISONING);
            }
            byRow.put(Integer.valueOf(row.get("row")), hazards);
        }
        return byRow;
    }

    /** The hazards of a GB 18218-2018 Table 1 row; empty for an unknown row. */
    public static Set<AccidentHazard> ofTable1Row(int row) {
        Set<AccidentHazard> hazards = Holder.BY_ROW.get(row);
        return hazards == null ? EnumSet.noneOf(AccidentHazard.class) : EnumSet.copyOf(hazards);
    }

    /**
     * The hazards of GB 18218-2018 Table 2 symbols: health hazards (J) poison; explosives (W1) explode; flammable
     * gases, aerosols, flammable liquids, self-reactive substances, organic peroxides, category 1 oxidising solids and
     * liquids (W9.1, "may cause fire or explosion") and substances that give off flammable gases with water burn and
     * explode; oxidising gases, other oxidisers, pyrophorics and flammable solids burn. Symbols of the 2009 edition are
     * ignored.
     */
    public static Set<AccidentHazard> ofCategories(List<String> symbols) {
        Set<AccidentHazard> hazards = EnumSet.noneOf(AccidentHazard.class);
        for (String symbol : symbols) {
            String s = symbol.strip().toUpperCase(java.util.Locale.ROOT);
            if (s.startsWith("J")) {
                hazards.add(AccidentHazard.POISONING);
            } else if (s.startsWith("W1.")) {
                hazards.add(AccidentHazard.EXPLOSION);
            } else if (s.equals("W2") || s.equals("W3") || s.startsWith("W5.") || s.startsWith("W6.") || s.startsWith("W7.")
                    || s.equals("W9.1") || s.equals("W11")) {
                hazards.add(AccidentHazard.FIRE);
                hazards.add(AccidentHazard.EXPLOSION);
            } else if (s.equals("W4") || s.equals("W8") || s.equals("W9.2") || s.equals("W10")) {
                hazards.add(AccidentHazard.FIRE);
            }
        }
        return hazards;
    }
}
