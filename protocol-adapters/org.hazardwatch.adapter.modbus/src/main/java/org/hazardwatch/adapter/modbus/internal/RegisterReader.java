package org.hazardwatch.adapter.modbus.internal;

import java.util.List;

/** Reads blocks of registers from a Modbus device; the protocol library stays behind this. Read-only by design (H5). */
public interface RegisterReader extends AutoCloseable {

    /** What one block returned: register values (unsigned 16-bit; bits as 0/1), or why the device refused it. */
    record BlockData(int[] values, String error) {

        public static BlockData refused(String error) {
            return new BlockData(null, error);
        }

        public boolean ok() {
            return error == null;
        }
    }

    /** Opens the connection; fails with a message fit for the status line. */
    void connect() throws Exception;

    boolean isConnected();

    /**
     * Reads the blocks; a block the device answered with an exception code gets a {@link BlockData#refused} entry.
     *
     * @throws Exception when the connection failed (it is then closed and reopened later)
     */
    List<BlockData> read(List<ReadBlock> blocks) throws Exception;

    @Override
    void close();
}
