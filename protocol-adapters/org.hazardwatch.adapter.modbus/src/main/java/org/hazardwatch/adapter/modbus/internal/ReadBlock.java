package org.hazardwatch.adapter.modbus.internal;

import java.util.List;

/**
 * A contiguous range of one table of one unit, read with one Modbus request, and the points inside it.
 *
 * @param start zero-based protocol address of the first register (or bit)
 * @param count registers (or bits) read
 */
public record ReadBlock(int unitId, ModbusTable table, int start, int count, List<RegisterPoint> points) {

    public ReadBlock {
        points = List.copyOf(points);
    }

    /** E.g. {@code unit 1 holding 100..119}. */
    public String describe() {
        return "unit " + unitId + " " + table.label() + " " + start + (count > 1 ? ".." + (start + count - 1) : "");
    }
}
