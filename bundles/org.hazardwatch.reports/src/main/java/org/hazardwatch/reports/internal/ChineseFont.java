package org.hazardwatch.reports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Noto Sans SC, parsed at a component's first report (10 MB: a node that never prints one does not carry it) and
 * closed with the component; each report embeds the subset it uses. The component serialises its rendering: PDFBox
 * subsetting reads the parsed font.
 */
final class ChineseFont {

    static final String FONT = "/fonts/NotoSansSC-Regular.ttf";

    private TrueTypeFont font;

    synchronized TrueTypeFont get() {
        if (font == null) {
            try (InputStream in = ChineseFont.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException(FONT + " is missing from the bundle");
                }
                font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + FONT, e);
            }
        }
        return font;
    }

    synchronized void close() throws IOException {
        if (font != null) {
            font.close();
            font = null;
        }
    }
}
