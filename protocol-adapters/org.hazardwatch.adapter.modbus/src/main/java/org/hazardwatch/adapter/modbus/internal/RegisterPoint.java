package org.hazardwatch.adapter.modbus.internal;

import java.math.BigDecimal;

/**
 * One row of a register map: where a monitoring point's value is in a device and how to turn the raw value into the
 * point's engineering unit ({@code value = raw * scale + offset}).
 *
 * @param address zero-based protocol address (register 40001 of a manual is holding address 0)
 * @param pollIntervalMs poll period of the row's group; rows of one unit and one period are read together
 */
public record RegisterPoint(String pointId, int unitId, ModbusTable table, int address, ModbusDataType type,
        RegisterOrder order, double scale, double offset, long pollIntervalMs) {

    /** Engineering value of the raw value. */
    public double engineering(double raw) {
        return raw * scale + offset;
    }

    /** Registers (or bits) the point occupies. */
    public int size() {
        return table.bits() ? 1 : type.registers();
    }

    /** Address as shown to integrators, e.g. {@code unit 1 holding 100 float32 CDAB x0.1+5 @1000ms}. */
    public String describe() {
        StringBuilder text = new StringBuilder("unit ").append(unitId).append(' ').append(table.label()).append(' ')
                .append(address).append(' ').append(type.label());
        boolean orderMatters = !table.bits() && (type.registers() > 1 || order == RegisterOrder.BADC || order == RegisterOrder.DCBA);
        if (orderMatters) {
            text.append(' ').append(order.name());
        }
        if (scale != 1 || offset != 0) {
            text.append(" x").append(plain(scale));
            if (offset != 0) {
                text.append(offset > 0 ? "+" : "").append(plain(offset));
            }
        }
        return text.append(" @").append(pollIntervalMs).append("ms").toString();
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
