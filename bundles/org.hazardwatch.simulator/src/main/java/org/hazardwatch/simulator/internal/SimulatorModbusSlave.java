package org.hazardwatch.simulator.internal;

import java.util.List;
import java.util.Map;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.FunctionCode;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersResponse;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ModbusServices;
import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;

/**
 * The simulated plant's gas-detection controller: a read-only Modbus TCP slave (unit 1, digitalpetri's Modbus
 * library) beside the OPC UA server, so the demo reads both protocols. Its register map, as a controller's manual
 * would give it, with point {@code i} in {@link TankFarm#points()} order:
 * <ul>
 * <li>input registers {@code 2i, 2i+1}: the value as float32, word-swapped (CDAB), as many gas controllers send it;</li>
 * <li>holding register {@code 100+i}: the value x10 as int16 (one decimal, clamped to the int16 range).</li>
 * </ul>
 * Any other address is refused with exception 02, writes with exception 01.
 */
final class SimulatorModbusSlave {

    static final int UNIT_ID = 1;
    static final int HOLDING_BASE = 100;

    private final List<SimPoint> points;
    private final ModbusTcpServer server;
    private final String address;
    private volatile int[] inputRegisters;
    private volatile int[] holdingRegisters;

    SimulatorModbusSlave(String bindAddress, int port, List<SimPoint> points) {
        this.points = List.copyOf(points);
        // empty until the first tick: reads before it are refused (exception 02) rather than answered with zeros
        this.inputRegisters = new int[0];
        this.holdingRegisters = new int[0];
        this.address = bindAddress + ":" + port;
        server = ModbusTcpServer.create(NettyTcpServerTransport.create(c -> c.setBindAddress(bindAddress).setPort(port)),
                new Services());
    }

    void start() throws Exception {
        server.start();
    }

    void stop() throws Exception {
        server.stop();
    }

    String address() {
        return "modbus-tcp://" + address + " (unit " + UNIT_ID + ")";
    }

    /** Publishes new values; a reader sees either the old or the new image, never half of each. */
    void update(Map<String, Double> values) {
        int[] input = new int[points.size() * 2];
        int[] holding = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            Double value = values.get(points.get(i).id());
            double v = value == null ? Double.NaN : value;
            int bits = Float.floatToIntBits((float) v);
            input[2 * i] = bits & 0xFFFF; // CDAB: low word first
            input[2 * i + 1] = bits >>> 16;
            long tenths = Double.isNaN(v) ? 0 : Math.round(v * 10);
            holding[i] = (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, tenths)) & 0xFFFF;
        }
        inputRegisters = input;
        holdingRegisters = holding;
    }

    private final class Services implements ModbusServices {

        private static byte[] registers(int[] table, int first, int address, int quantity, FunctionCode function)
                throws ModbusResponseException {
            int from = address - first;
            if (from < 0 || from + quantity > table.length) {
                throw new ModbusResponseException(function, ExceptionCode.ILLEGAL_DATA_ADDRESS);
            }
            byte[] bytes = new byte[quantity * 2];
            for (int i = 0; i < quantity; i++) {
                bytes[2 * i] = (byte) (table[from + i] >>> 8);
                bytes[2 * i + 1] = (byte) table[from + i];
            }
            return bytes;
        }

        private static void checkUnit(int unitId) throws UnknownUnitIdException {
            if (unitId != UNIT_ID) {
                throw new UnknownUnitIdException(unitId);
            }
        }

        @Override
        public ReadInputRegistersResponse readInputRegisters(ModbusRequestContext context, int unitId,
                ReadInputRegistersRequest request) throws ModbusResponseException, UnknownUnitIdException {
            checkUnit(unitId);
            return new ReadInputRegistersResponse(registers(inputRegisters, 0, request.address(), request.quantity(),
                    FunctionCode.READ_INPUT_REGISTERS));
        }

        @Override
        public ReadHoldingRegistersResponse readHoldingRegisters(ModbusRequestContext context, int unitId,
                ReadHoldingRegistersRequest request) throws ModbusResponseException, UnknownUnitIdException {
            checkUnit(unitId);
            return new ReadHoldingRegistersResponse(registers(holdingRegisters, HOLDING_BASE, request.address(),
                    request.quantity(), FunctionCode.READ_HOLDING_REGISTERS));
        }
    }
}
