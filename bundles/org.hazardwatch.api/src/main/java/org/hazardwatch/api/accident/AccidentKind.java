package org.hazardwatch.api.accident;

import org.hazardwatch.api.hazard.AccidentType;

/** Type of an accident that happened (the register's classification). */
public enum AccidentKind {
    FIRE("火灾", AccidentType.FIRE),
    EXPLOSION("爆炸", AccidentType.EXPLOSION),
    POISONING("中毒", AccidentType.POISONING),
    LEAK("泄漏", null),
    OTHER("其他", null);

    private final String label;
    private final AccidentType hazardType;

    AccidentKind(String label, AccidentType hazardType) {
        this.label = label;
        this.hazardType = hazardType;
    }

    /** The Chinese name, as forms and spreadsheets show it. */
    public String label() {
        return label;
    }

    /** The accident type of the hazard source classification it corresponds to, or null (leaks, others). */
    public AccidentType hazardType() {
        return hazardType;
    }

    /** Parses the code ({@code FIRE}) or the Chinese name ({@code 火灾}); null when neither. */
    public static AccidentKind parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (AccidentKind k : values()) {
            if (k.name().equalsIgnoreCase(t) || k.label.equals(t)) {
                return k;
            }
        }
        return null;
    }
}
