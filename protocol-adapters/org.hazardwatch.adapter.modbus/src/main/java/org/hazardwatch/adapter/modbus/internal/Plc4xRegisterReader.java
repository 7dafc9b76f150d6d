package org.hazardwatch.adapter.modbus.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.plc4x.java.DefaultPlcDriverManager;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.messages.PlcReadRequest;
import org.apache.plc4x.java.api.messages.PlcReadResponse;
import org.apache.plc4x.java.api.types.PlcResponseCode;
import org.apache.plc4x.java.api.types.PlcValueType;
import org.apache.plc4x.java.api.value.PlcValue;

/**
 * Reads register blocks with Apache PLC4X (0.13), working around what its Modbus driver does not do yet, as verified
 * against an independent Modbus server in this module's tests:
 * <ul>
 * <li>Modbus TCP ignores a tag's {@code unit-id} option, so each unit gets its own connection with
 * {@code default-unit-identifier}; RTU honours the option, and a serial line allows only one connection anyway.</li>
 * <li>Modbus TCP returns only the first value of a {@code BOOL[n]} tag, so coils and discrete inputs are asked for one
 * tag per bit there.</li>
 * <li>Modbus RTU returns raw response bytes instead of typed values; both forms are accepted.</li>
 * <li>Modbus RTU sends the frames of a multi-tag request back to back, which the slaves on a serial line cannot tell
 * apart, so there each block is its own request; and it lets an exception response time out, so over RTU a block
 * without an answer counts as refused (BAD samples for its points) unless no block on the line is answered.</li>
 * </ul>
 * Decoding (types, byte and word orders, scaling) is done by HazardWatch from the raw registers. PLC4X is embedded in
 * this bundle and finds its drivers and transports with ServiceLoader through the context class loader, so connecting
 * runs with this bundle's class loader set. Only read requests are ever built.
 */
public class Plc4xRegisterReader implements RegisterReader {

    private final String baseUrl;
    private final boolean rtu;
    private final int defaultUnitId;
    private final long requestTimeoutMs;
    private final ClassLoader classLoader = Plc4xRegisterReader.class.getClassLoader();
    private final Map<Integer, PlcConnection> connections = new LinkedHashMap<>();

    /**
     * @param baseUrl a PLC4X URL without the unit: {@code modbus-tcp:tcp://host:port?request-timeout=…},
     *                {@code modbus-rtu:serial://port?…} or {@code modbus-rtu:tcp://host:port?…}
     */
    public Plc4xRegisterReader(String baseUrl, int defaultUnitId, long requestTimeoutMs) {
        this.baseUrl = baseUrl;
        this.rtu = baseUrl.startsWith("modbus-rtu:");
        this.defaultUnitId = defaultUnitId;
        this.requestTimeoutMs = requestTimeoutMs;
    }

    @Override
    public synchronized void connect() throws Exception {
        close();
        connection(defaultUnitId);
    }

    private PlcConnection connection(int unitId) throws Exception {
        int key = rtu ? defaultUnitId : unitId;
        PlcConnection connection = connections.get(key);
        if (connection == null) {
            String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "default-unit-identifier=" + key;
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(classLoader);
            try {
                connection = new DefaultPlcDriverManager(classLoader).getConnectionManager().getConnection(url);
            } finally {
                thread.setContextClassLoader(previous);
            }
            connections.put(key, connection);
        }
        return connection;
    }

    @Override
    public synchronized boolean isConnected() {
        return !connections.isEmpty() && connections.values().stream().allMatch(PlcConnection::isConnected);
    }

    @Override
    public synchronized List<BlockData> read(List<ReadBlock> blocks) throws Exception {
        List<BlockData> data = new ArrayList<>(blocks.size());
        if (rtu) {
            // a serial line carries one request at a time: PLC4X would send a multi-tag request's frames back to back,
            // and the slaves would see them run together, so each block is asked for and answered before the next
            // One slave that does not answer (or answers with an exception frame, which PLC4X 0.13 lets time out) must
            // not silence the others on the line: only when no block is answered is the line itself taken as lost.
            Exception lastFailure = null;
            boolean anyAnswer = false;
            for (int i = 0; i < blocks.size(); i++) {
                PlcReadRequest.Builder builder = connection(blocks.get(i).unitId()).readRequestBuilder();
                addTags(builder, blocks.get(i), i);
                try {
                    data.add(blockData(blocks.get(i), i, execute(builder.build())));
                    anyAnswer = true;
                } catch (InterruptedException e) {
                    throw e; // stopping
                } catch (Exception e) {
                    lastFailure = e;
                    // the unanswered frame's leftovers would garble the next answers: reopen the line for the next block
                    close();
                    data.add(BlockData.refused("no answer (" + e.getMessage()
                            + "): the slave is absent, or refused the request with an exception"));
                }
            }
            if (lastFailure != null && !anyAnswer) {
                throw lastFailure;
            }
            return data;
        }
        Map<PlcConnection, PlcReadRequest.Builder> requests = new LinkedHashMap<>();
        List<PlcConnection> connectionOfBlock = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            PlcConnection connection = connection(blocks.get(i).unitId());
            connectionOfBlock.add(connection);
            addTags(requests.computeIfAbsent(connection, PlcConnection::readRequestBuilder), blocks.get(i), i);
        }
        Map<PlcConnection, PlcReadResponse> responses = new LinkedHashMap<>();
        for (Map.Entry<PlcConnection, PlcReadRequest.Builder> request : requests.entrySet()) {
            responses.put(request.getKey(), execute(request.getValue().build()));
        }
        for (int i = 0; i < blocks.size(); i++) {
            data.add(blockData(blocks.get(i), i, responses.get(connectionOfBlock.get(i))));
        }
        return data;
    }

    private void addTags(PlcReadRequest.Builder builder, ReadBlock block, int index) {
        List<String> addresses = tagAddresses(block);
        for (int k = 0; k < addresses.size(); k++) {
            builder.addTagAddress(tagName(index, k), addresses.get(k));
        }
    }

    private PlcReadResponse execute(PlcReadRequest request) throws Exception {
        try {
            // PLC4X sends the requests of one connection one after the other, each with its own timeout
            return request.execute().get(requestTimeoutMs * request.getTagNames().size() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new Exception(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new Exception("no answer within " + requestTimeoutMs + " ms per request", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    private static String tagName(int block, int part) {
        return "b" + block + "_" + part;
    }

    /** The PLC4X tags of a block (PLC4X counts addresses from 1). */
    List<String> tagAddresses(ReadBlock block) {
        String prefix = block.table().plc4xPrefix() + ":";
        String unit = rtu ? "{unit-id: " + block.unitId() + "}" : "";
        if (!block.table().bits()) {
            return List.of(prefix + (block.start() + 1) + ":UINT[" + block.count() + "]" + unit);
        }
        if (rtu) {
            return List.of(prefix + (block.start() + 1) + ":BOOL[" + block.count() + "]" + unit);
        }
        List<String> bits = new ArrayList<>(block.count());
        for (int k = 0; k < block.count(); k++) {
            bits.add(prefix + (block.start() + 1 + k) + ":BOOL");
        }
        return bits;
    }

    private BlockData blockData(ReadBlock block, int index, PlcReadResponse response) {
        int tags = tagAddresses(block).size();
        int[] values = new int[block.count()];
        int filled = 0;
        for (int k = 0; k < tags; k++) {
            String tag = tagName(index, k);
            PlcResponseCode code = response.getResponseCode(tag);
            if (code != PlcResponseCode.OK) {
                return BlockData.refused(describe(code));
            }
            filled = unpack(response.getPlcValue(tag), block.table().bits(), values, filled);
        }
        if (filled < values.length) {
            return BlockData.refused("the device returned " + filled + " of " + values.length + " values");
        }
        return new BlockData(values, null);
    }

    /** Puts a response value into {@code values} from {@code at}; returns how many are filled. */
    static int unpack(PlcValue value, boolean bits, int[] values, int at) {
        if (value.getPlcValueType() == PlcValueType.RAW_BYTE_ARRAY) {
            byte[] raw = value.getRaw();
            if (bits) { // coils are packed eight to a byte, lowest address in the lowest bit
                for (int i = 0; i < raw.length * 8 && at < values.length; i++) {
                    values[at++] = (raw[i / 8] >> (i % 8)) & 1;
                }
            } else { // registers are big-endian byte pairs
                for (int i = 0; i + 1 < raw.length && at < values.length; i += 2) {
                    values[at++] = ((raw[i] & 0xFF) << 8) | (raw[i + 1] & 0xFF);
                }
            }
            return at;
        }
        List<? extends PlcValue> items = value.isList() ? value.getList() : List.of(value);
        for (PlcValue item : items) {
            if (at >= values.length) {
                break;
            }
            values[at++] = bits ? (item.getBoolean() ? 1 : 0) : item.getInt() & 0xFFFF;
        }
        return at;
    }

    /** Modbus exception codes as PLC4X reports them, in words an integrator can act on. */
    static String describe(PlcResponseCode code) {
        return switch (code) {
            case INVALID_ADDRESS -> "illegal data address (exception 02): the device has no such registers";
            case ACCESS_DENIED -> "access denied by the device";
            case NOT_FOUND -> "unit or data not found";
            case REMOTE_BUSY -> "device busy (exception 06)";
            case REMOTE_ERROR -> "device reported a failure (exception 04, or a gateway's 0A/0B: target not responding)";
            case UNSUPPORTED -> "function not supported by the device (exception 01)";
            case INVALID_DATATYPE, INVALID_DATA -> "invalid data in the answer";
            case RESPONSE_PENDING -> "device still processing (exception 05)";
            default -> code.name();
        };
    }

    @Override
    public synchronized void close() {
        for (PlcConnection connection : connections.values()) {
            try {
                connection.close();
            } catch (Exception ignored) {
                // the connection is being dropped anyway
            }
        }
        connections.clear();
    }
}
