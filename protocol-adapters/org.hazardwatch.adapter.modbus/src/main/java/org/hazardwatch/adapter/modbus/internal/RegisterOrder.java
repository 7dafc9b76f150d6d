package org.hazardwatch.adapter.modbus.internal;

import java.util.Locale;

/**
 * How a device lays out multi-byte values in its 16-bit registers, named the way device manuals do after the bytes of
 * a 32-bit value A (most significant) to D: ABCD is the Modbus standard big-endian order, CDAB swaps the words (common
 * on PLCs and gas controllers), BADC swaps the bytes in each word, DCBA is fully little-endian. 64-bit values follow
 * the same two rules (word order reversed, bytes in each word swapped); 16-bit values only feel the byte swap.
 */
public enum RegisterOrder {
    ABCD(false, false),
    CDAB(true, false),
    BADC(false, true),
    DCBA(true, true);

    private final boolean wordsSwapped;
    private final boolean bytesSwapped;

    RegisterOrder(boolean wordsSwapped, boolean bytesSwapped) {
        this.wordsSwapped = wordsSwapped;
        this.bytesSwapped = bytesSwapped;
    }

    public static RegisterOrder parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "", "ABCD", "BIG", "BIG-ENDIAN", "ABCDEFGH" -> ABCD;
            case "CDAB", "WORD-SWAP", "LITTLE-ENDIAN-WORD-SWAP", "GHEFCDAB" -> CDAB;
            case "BADC", "BYTE-SWAP", "BIG-ENDIAN-BYTE-SWAP", "BADCFEHG" -> BADC;
            case "DCBA", "LITTLE", "LITTLE-ENDIAN", "HGFEDCBA" -> DCBA;
            default -> throw new IllegalArgumentException("unknown byte order '" + text + "' (ABCD, CDAB, BADC or DCBA)");
        };
    }

    /**
     * The raw bits of {@code count} registers starting at {@code offset}, put back into big-endian order.
     *
     * @param registers unsigned 16-bit register values as read
     */
    long assemble(int[] registers, int offset, int count) {
        long bits = 0;
        for (int i = 0; i < count; i++) {
            int word = registers[offset + (wordsSwapped ? count - 1 - i : i)] & 0xFFFF;
            if (bytesSwapped) {
                word = ((word & 0xFF) << 8) | (word >>> 8);
            }
            bits = (bits << 16) | word;
        }
        return bits;
    }
}
