package org.hazardwatch.adapter.modbus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a range of a device's registers once and shows each offset decoded every way a register map can say, so an
 * integrator with a device on the bench (and a manual that is vague about word order) can see which reading is right.
 */
public final class RegisterProbe {

    /** One row of the probe: an address, its raw word, and what it and its successors mean as each type. */
    public record Row(int address, String raw, String int16, String uint16, String float32Abcd, String float32Cdab,
            String int32Abcd, String int32Cdab) {
    }

    private RegisterProbe() {
    }

    /**
     * @param url a PLC4X connection URL without the unit, e.g. {@code modbus-tcp:tcp://10.0.0.5:502}
     */
    public static List<Row> read(String url, int unitId, ModbusTable table, int address, int count, long timeoutMs)
            throws Exception {
        if (address < 0 || count < 1 || count > table.maxPerRequest() || address + count > 65535) {
            throw new IllegalArgumentException("count must be from 1 to " + table.maxPerRequest() + " within addresses 0..65534");
        }
        ReadBlock block = new ReadBlock(unitId, table, address, count, List.of());
        try (Plc4xRegisterReader reader = new Plc4xRegisterReader(url, unitId, timeoutMs)) {
            reader.connect();
            RegisterReader.BlockData data = reader.read(List.of(block)).get(0);
            if (!data.ok()) {
                throw new IllegalStateException(block.describe() + ": " + data.error());
            }
            return rows(address, data.values(), table.bits());
        }
    }

    static List<Row> rows(int address, int[] values, boolean bits) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (bits) {
                rows.add(new Row(address + i, Integer.toString(values[i]), "", "", "", "", "", ""));
                continue;
            }
            boolean pair = i + 1 < values.length;
            rows.add(new Row(address + i, String.format(Locale.ROOT, "0x%04X", values[i]),
                    format(ModbusDataType.INT16.decode(values, i, RegisterOrder.ABCD)),
                    format(ModbusDataType.UINT16.decode(values, i, RegisterOrder.ABCD)),
                    pair ? format(ModbusDataType.FLOAT32.decode(values, i, RegisterOrder.ABCD)) : "",
                    pair ? format(ModbusDataType.FLOAT32.decode(values, i, RegisterOrder.CDAB)) : "",
                    pair ? format(ModbusDataType.INT32.decode(values, i, RegisterOrder.ABCD)) : "",
                    pair ? format(ModbusDataType.INT32.decode(values, i, RegisterOrder.CDAB)) : ""));
        }
        return rows;
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.6g", value);
    }
}
