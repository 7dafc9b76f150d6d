package org.hazardwatch.adapter.modbus.internal;

import java.util.Locale;

/** The four Modbus data tables a master can read; writing is not offered (requirement H5). */
public enum ModbusTable {
    HOLDING("holding-register", false, 125),
    INPUT("input-register", false, 125),
    COIL("coil", true, 2000),
    DISCRETE("discrete-input", true, 2000);

    private final String plc4xPrefix;
    private final boolean bits;
    private final int maxPerRequest;

    ModbusTable(String plc4xPrefix, boolean bits, int maxPerRequest) {
        this.plc4xPrefix = plc4xPrefix;
        this.bits = bits;
        this.maxPerRequest = maxPerRequest;
    }

    /** Single-bit table (coils, discrete inputs) rather than 16-bit registers. */
    public boolean bits() {
        return bits;
    }

    /** Most items one read request may ask for under the Modbus specification (function codes 1-4). */
    public int maxPerRequest() {
        return maxPerRequest;
    }

    String plc4xPrefix() {
        return plc4xPrefix;
    }

    /** Accepts the names integrators meet in device manuals: holding / 4x / hr, input / 3x / ir, coil / 0x, discrete / 1x. */
    public static ModbusTable parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (t) {
            case "holding", "holding-register", "holding-registers", "hr", "4x" -> HOLDING;
            case "input", "input-register", "input-registers", "ir", "3x" -> INPUT;
            case "coil", "coils", "0x" -> COIL;
            case "discrete", "discrete-input", "discrete-inputs", "di", "1x" -> DISCRETE;
            default -> throw new IllegalArgumentException("unknown table '" + text
                    + "' (holding, input, coil or discrete)");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
