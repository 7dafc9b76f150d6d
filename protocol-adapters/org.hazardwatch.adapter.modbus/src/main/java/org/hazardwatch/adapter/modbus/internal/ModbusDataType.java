package org.hazardwatch.adapter.modbus.internal;

import java.util.Locale;

/** Value types of a register map row, with the registers each takes. */
public enum ModbusDataType {
    BOOL(1),
    INT16(1),
    UINT16(1),
    INT32(2),
    UINT32(2),
    FLOAT32(2),
    FLOAT64(4);

    private final int registers;

    ModbusDataType(int registers) {
        this.registers = registers;
    }

    /** 16-bit registers the value occupies (1 for a bit). */
    public int registers() {
        return registers;
    }

    public static ModbusDataType parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "BOOL", "BIT", "BOOLEAN" -> BOOL;
            case "INT16", "INT", "SHORT" -> INT16;
            case "UINT16", "UINT", "WORD" -> UINT16;
            case "INT32", "DINT", "LONG" -> INT32;
            case "UINT32", "UDINT", "DWORD" -> UINT32;
            case "FLOAT32", "FLOAT", "REAL" -> FLOAT32;
            case "FLOAT64", "DOUBLE", "LREAL" -> FLOAT64;
            default -> throw new IllegalArgumentException("unknown data type '" + text
                    + "' (bool, int16, uint16, int32, uint32, float32 or float64)");
        };
    }

    /** The raw numeric value of this type at {@code offset} in a block of registers. */
    double decode(int[] registers, int offset, RegisterOrder order) {
        long bits = order.assemble(registers, offset, this.registers);
        return switch (this) {
            case BOOL -> bits != 0 ? 1 : 0;
            case INT16 -> (short) bits;
            case UINT16 -> bits & 0xFFFF;
            case INT32 -> (int) bits;
            case UINT32 -> bits & 0xFFFF_FFFFL;
            case FLOAT32 -> Float.intBitsToFloat((int) bits);
            case FLOAT64 -> Double.longBitsToDouble(bits);
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
