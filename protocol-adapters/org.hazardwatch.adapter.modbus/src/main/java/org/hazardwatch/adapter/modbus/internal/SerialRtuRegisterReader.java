package org.hazardwatch.adapter.modbus.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.client.ModbusRtuClient;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.ModbusTimeoutException;
import com.digitalpetri.modbus.pdu.ReadCoilsRequest;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.serial.client.SerialPortClientTransport;
import com.fazecast.jSerialComm.SerialPort;

/**
 * Reads register blocks from Modbus RTU slaves on a local serial line with digitalpetri's Modbus library (jSerialComm
 * underneath). PLC4X 0.13's serial transport is not used: its polling selector spins a core and stopped answering in
 * the serial-line test. One request at a time, as a serial line requires; a slave that does not answer or answers with
 * an exception refuses only its own blocks. Only read requests are ever sent.
 */
public class SerialRtuRegisterReader implements RegisterReader {

    /** The line's settings; parity {@code none}, {@code even} or {@code odd}. */
    public record Line(String port, int baudRate, int dataBits, String parity, int stopBits) {
    }

    private final Line line;
    private final long requestTimeoutMs;
    private ModbusRtuClient client;

    public SerialRtuRegisterReader(Line line, long requestTimeoutMs) {
        this.line = line;
        this.requestTimeoutMs = requestTimeoutMs;
    }

    @Override
    public synchronized void connect() throws Exception {
        close();
        SerialPortClientTransport transport = SerialPortClientTransport.create(config -> {
            config.serialPort = line.port();
            config.baudRate = line.baudRate();
            config.dataBits = line.dataBits();
            config.stopBits = line.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
            config.parity = switch (line.parity()) {
                case "even" -> SerialPort.EVEN_PARITY;
                case "odd" -> SerialPort.ODD_PARITY;
                default -> SerialPort.NO_PARITY;
            };
        });
        ModbusRtuClient opened = ModbusRtuClient.create(transport,
                config -> config.setRequestTimeout(Duration.ofMillis(requestTimeoutMs)));
        opened.connect();
        client = opened;
    }

    @Override
    public synchronized boolean isConnected() {
        return client != null && client.isConnected();
    }

    @Override
    public synchronized List<BlockData> read(List<ReadBlock> blocks) throws Exception {
        if (client == null) {
            throw new IllegalStateException("not connected");
        }
        List<BlockData> data = new ArrayList<>(blocks.size());
        boolean anyAnswer = false;
        Exception lastTimeout = null;
        for (ReadBlock block : blocks) {
            try {
                data.add(new BlockData(read(block), null));
                anyAnswer = true;
            } catch (ModbusResponseException e) {
                anyAnswer = true; // the slave answered, with an exception
                data.add(BlockData.refused(describe(e.getExceptionCode())));
            } catch (ModbusTimeoutException e) {
                lastTimeout = e;
                data.add(BlockData.refused("no answer within " + requestTimeoutMs + " ms: the slave is absent or busy"));
            }
        }
        if (!anyAnswer && lastTimeout != null) {
            throw new Exception("no slave on " + line.port() + " answers", lastTimeout);
        }
        return data;
    }

    private int[] read(ReadBlock block) throws Exception {
        int unit = block.unitId();
        return switch (block.table()) {
            case HOLDING -> words(client.readHoldingRegisters(unit, new ReadHoldingRegistersRequest(block.start(), block.count()))
                    .registers(), block.count());
            case INPUT -> words(client.readInputRegisters(unit, new ReadInputRegistersRequest(block.start(), block.count()))
                    .registers(), block.count());
            case COIL -> bits(client.readCoils(unit, new ReadCoilsRequest(block.start(), block.count())).coils(), block.count());
            case DISCRETE -> bits(client.readDiscreteInputs(unit, new ReadDiscreteInputsRequest(block.start(), block.count()))
                    .inputs(), block.count());
        };
    }

    private static int[] words(byte[] bytes, int count) {
        if (bytes.length < count * 2) {
            throw new IllegalStateException("the slave returned " + bytes.length / 2 + " of " + count + " registers");
        }
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
        }
        return values;
    }

    /** Bits are packed eight to a byte, lowest address in the lowest bit. */
    private static int[] bits(byte[] bytes, int count) {
        if (bytes.length * 8 < count) {
            throw new IllegalStateException("the slave returned " + bytes.length * 8 + " of " + count + " bits");
        }
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = (bytes[i / 8] >> (i % 8)) & 1;
        }
        return values;
    }

    /**
     * The exception code in words. digitalpetri 2.1's RTU client reports the function byte (0x83 …) instead of the code
     * that follows it, so an unknown value still says the request was refused.
     */
    static String describe(int exceptionCode) {
        if (exceptionCode < 1 || exceptionCode > 0x0B) {
            return "refused by the device with an exception response";
        }
        return ExceptionCode.from(exceptionCode).map(code -> switch (code) {
            case ILLEGAL_FUNCTION -> "function not supported by the device (exception 01)";
            case ILLEGAL_DATA_ADDRESS -> "illegal data address (exception 02): the device has no such registers";
            case ILLEGAL_DATA_VALUE -> "illegal data value (exception 03)";
            case SLAVE_DEVICE_FAILURE -> "device reported a failure (exception 04)";
            case SLAVE_DEVICE_BUSY -> "device busy (exception 06)";
            default -> code.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " (exception "
                    + String.format("%02X", exceptionCode) + ")";
        }).orElse("exception " + exceptionCode);
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            try {
                client.disconnect();
            } catch (Exception ignored) {
                // the line is being dropped anyway
            }
            client = null;
        }
    }
}
