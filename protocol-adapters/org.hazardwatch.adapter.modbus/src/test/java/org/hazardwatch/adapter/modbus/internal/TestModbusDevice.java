package org.hazardwatch.adapter.modbus.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.FunctionCode;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.pdu.ReadCoilsRequest;
import com.digitalpetri.modbus.pdu.ReadCoilsResponse;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsRequest;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsResponse;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersResponse;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ModbusRtuServer;
import com.digitalpetri.modbus.server.ModbusServer;
import com.digitalpetri.modbus.server.ModbusServices;
import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.tcp.server.NettyRtuServerTransport;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;

/**
 * A Modbus device on loopback for the tests, built on digitalpetri's Modbus library (an implementation independent of
 * PLC4X): units with 1,000 holding and input registers and coils each; reads past them are refused with exception 02
 * like a real device does.
 */
final class TestModbusDevice implements AutoCloseable {

    static final int SIZE = 1000;

    private record Unit(int[] holding, int[] input, boolean[] coils) {
    }

    private final Map<Integer, Unit> units = new ConcurrentHashMap<>();
    private final int port;
    private final boolean rtuFraming;
    private ModbusServer server;

    private TestModbusDevice(int port, boolean rtuFraming) {
        this.port = port;
        this.rtuFraming = rtuFraming;
    }

    /** Modbus TCP, or RTU frames over TCP (what a serial device server passes through). */
    static TestModbusDevice start(int port, boolean rtuFraming, int... unitIds) throws Exception {
        TestModbusDevice device = new TestModbusDevice(port, rtuFraming);
        for (int unitId : unitIds) {
            device.units.put(unitId, new Unit(new int[SIZE], new int[SIZE], new boolean[SIZE]));
        }
        device.start();
        return device;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    void start() throws Exception {
        ModbusServices services = new Services();
        server = rtuFraming
                ? ModbusRtuServer.create(NettyRtuServerTransport.create(c -> c.setBindAddress("127.0.0.1").setPort(port)), services)
                : ModbusTcpServer.create(NettyTcpServerTransport.create(c -> c.setBindAddress("127.0.0.1").setPort(port)), services);
        server.start();
    }

    void stop() throws Exception {
        server.stop();
    }

    int port() {
        return port;
    }

    void holding(int unitId, int address, int... words) {
        System.arraycopy(words, 0, units.get(unitId).holding, address, words.length);
    }

    void input(int unitId, int address, int... words) {
        System.arraycopy(words, 0, units.get(unitId).input, address, words.length);
    }

    void coil(int unitId, int address, boolean value) {
        units.get(unitId).coils[address] = value;
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private final class Services implements ModbusServices {

        private Unit unit(int unitId) throws UnknownUnitIdException {
            Unit unit = units.get(unitId);
            if (unit == null) {
                throw new UnknownUnitIdException(unitId);
            }
            return unit;
        }

        private static byte[] registers(int[] table, int address, int quantity, FunctionCode function)
                throws ModbusResponseException {
            if (address + quantity > table.length) {
                throw new ModbusResponseException(function, ExceptionCode.ILLEGAL_DATA_ADDRESS);
            }
            byte[] bytes = new byte[quantity * 2];
            for (int i = 0; i < quantity; i++) {
                bytes[2 * i] = (byte) (table[address + i] >>> 8);
                bytes[2 * i + 1] = (byte) table[address + i];
            }
            return bytes;
        }

        private static byte[] bits(boolean[] table, int address, int quantity, FunctionCode function)
                throws ModbusResponseException {
            if (address + quantity > table.length) {
                throw new ModbusResponseException(function, ExceptionCode.ILLEGAL_DATA_ADDRESS);
            }
            byte[] bytes = new byte[(quantity + 7) / 8];
            for (int i = 0; i < quantity; i++) {
                if (table[address + i]) {
                    bytes[i / 8] |= (byte) (1 << (i % 8));
                }
            }
            return bytes;
        }

        @Override
        public ReadHoldingRegistersResponse readHoldingRegisters(ModbusRequestContext context, int unitId,
                ReadHoldingRegistersRequest request) throws ModbusResponseException, UnknownUnitIdException {
            return new ReadHoldingRegistersResponse(registers(unit(unitId).holding, request.address(), request.quantity(),
                    FunctionCode.READ_HOLDING_REGISTERS));
        }

        @Override
        public ReadInputRegistersResponse readInputRegisters(ModbusRequestContext context, int unitId,
                ReadInputRegistersRequest request) throws ModbusResponseException, UnknownUnitIdException {
            return new ReadInputRegistersResponse(registers(unit(unitId).input, request.address(), request.quantity(),
                    FunctionCode.READ_INPUT_REGISTERS));
        }

        @Override
        public ReadCoilsResponse readCoils(ModbusRequestContext context, int unitId, ReadCoilsRequest request)
                throws ModbusResponseException, UnknownUnitIdException {
            return new ReadCoilsResponse(bits(unit(unitId).coils, request.address(), request.quantity(), FunctionCode.READ_COILS));
        }

        @Override
        public ReadDiscreteInputsResponse readDiscreteInputs(ModbusRequestContext context, int unitId,
                ReadDiscreteInputsRequest request) throws ModbusResponseException, UnknownUnitIdException {
            return new ReadDiscreteInputsResponse(bits(unit(unitId).coils, request.address(), request.quantity(),
                    FunctionCode.READ_DISCRETE_INPUTS));
        }
    }
}
