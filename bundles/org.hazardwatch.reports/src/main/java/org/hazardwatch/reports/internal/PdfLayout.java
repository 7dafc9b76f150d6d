package org.hazardwatch.reports.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A top-to-bottom A4 text layout on PDFBox: headings, wrapped paragraphs, two-column tables, page breaks and page
 * numbers. Chinese has no spaces to break at, so lines break at any character that would overflow (after a space in
 * Latin text when there is one).
 */
final class PdfLayout implements Closeable {

    static final float MARGIN = 50;
    static final float BODY = 10.5f;
    static final float LEADING = 1.45f;

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private final org.apache.fontbox.ttf.CmapLookup unicode;
    private final String footer;
    private PDPageContentStream content;
    private float y;

    PdfLayout(TrueTypeFont ttf, String title, String footer) throws IOException {
        this.font = PDType0Font.load(document, ttf, true);
        this.unicode = ttf.getUnicodeCmapLookup();
        this.footer = footer;
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("HazardWatch");
        newPage();
    }

    private static float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void ensure(float height) throws IOException {
        if (y - height < MARGIN + 20) {
            newPage();
        }
    }

    void title(String text) throws IOException {
        line(text, 18, (width() - textWidth(text, 18)) / 2);
        y -= 8;
    }

    void heading(String text) throws IOException {
        y -= 6;
        ensure(14 * LEADING * 2);
        line(text, 13, 0);
        content.setLineWidth(0.5f);
        content.moveTo(MARGIN, y + 3);
        content.lineTo(MARGIN + width(), y + 3);
        content.stroke();
        y -= 4;
    }

    void paragraph(String text) throws IOException {
        for (String line : wrap(text, BODY, width())) {
            line(line, BODY, 0);
        }
    }

    /** Label and value rows; long values wrap inside their column. */
    void table(List<String[]> rows) throws IOException {
        float labelWidth = 110;
        for (String[] row : rows) {
            List<String> lines = wrap(row[1] == null || row[1].isBlank() ? "-" : row[1], BODY, width() - labelWidth);
            ensure(lines.size() * BODY * LEADING);
            text(row[0], BODY, MARGIN, y - BODY);
            for (int i = 0; i < lines.size(); i++) {
                text(lines.get(i), BODY, MARGIN + labelWidth, y - BODY - i * BODY * LEADING);
            }
            y -= lines.size() * BODY * LEADING + 2;
        }
    }

    void gap() {
        y -= BODY;
    }

    /**
     * A table with a shaded header row; {@code weights} share the page width among the columns. Cells wrap inside
     * their column; the header is repeated after a page break.
     */
    void grid(String[] header, List<String[]> rows, float[] weights) throws IOException {
        float size = 9;
        float total = 0;
        for (float w : weights) {
            total += w;
        }
        float[] widths = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            widths[i] = width() * weights[i] / total;
        }
        gridRow(header, widths, size, true);
        for (String[] row : rows) {
            if (y - rowHeight(row, widths, size) < MARGIN + 20) {
                newPage();
                gridRow(header, widths, size, true);
            }
            gridRow(row, widths, size, false);
        }
        y -= 4;
    }

    private float rowHeight(String[] cells, float[] widths, float size) throws IOException {
        int lines = 1;
        for (int i = 0; i < cells.length; i++) {
            lines = Math.max(lines, wrap(cells[i] == null ? "" : cells[i], size, widths[i] - 4).size());
        }
        return lines * size * LEADING + 3;
    }

    private void gridRow(String[] cells, float[] widths, float size, boolean header) throws IOException {
        float height = rowHeight(cells, widths, size);
        ensure(height);
        if (header) {
            content.setNonStrokingColor(0.9f, 0.9f, 0.9f);
            content.addRect(MARGIN, y - height, width(), height);
            content.fill();
            content.setNonStrokingColor(0f, 0f, 0f);
        }
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            List<String> lines = wrap(cells[i] == null ? "" : cells[i], size, widths[i] - 4);
            for (int l = 0; l < lines.size(); l++) {
                text(lines.get(l), size, x + 2, y - size - 1 - l * size * LEADING);
            }
            x += widths[i];
        }
        content.setLineWidth(0.3f);
        content.moveTo(MARGIN, y - height);
        content.lineTo(MARGIN + width(), y - height);
        content.stroke();
        y -= height;
    }

    /** A vertical bar chart of counts with a label under each bar and the value above it. */
    void bars(List<String> labels, List<Long> values, float height) throws IOException {
        float size = 7;
        ensure(height + 3 * size * LEADING);
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        float slot = width() / Math.max(1, labels.size());
        float base = y - height - size * LEADING;
        content.setLineWidth(0.3f);
        content.moveTo(MARGIN, base);
        content.lineTo(MARGIN + width(), base);
        content.stroke();
        for (int i = 0; i < labels.size(); i++) {
            float h = (height - size * LEADING) * values.get(i) / max;
            float x = MARGIN + i * slot;
            content.setNonStrokingColor(0.2f, 0.45f, 0.75f);
            content.addRect(x + slot * 0.15f, base, slot * 0.7f, h);
            content.fill();
            content.setNonStrokingColor(0f, 0f, 0f);
            String value = Long.toString(values.get(i));
            text(value, size, x + (slot - textWidth(value, size)) / 2, base + h + 2);
            text(labels.get(i), size, x + (slot - textWidth(labels.get(i), size)) / 2, base - size - 1);
        }
        y = base - size * LEADING - 4;
    }

    private void line(String text, float size, float indent) throws IOException {
        ensure(size * LEADING);
        text(text, size, MARGIN + indent, y - size);
        y -= size * LEADING;
    }

    private void text(String text, float size, float x, float baseline) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(printable(text));
        content.endText();
    }

    /** Characters the font lacks (and control characters) become '?', so one odd character never fails a report. */
    private String printable(String text) throws IOException {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (unicode.getGlyphId(cp) > 0) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        }
        return out.toString();
    }

    private float textWidth(String text, float size) throws IOException {
        return font.getStringWidth(printable(text)) / 1000 * size;
    }

    List<String> wrap(String text, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.replace("\r", "").split("\n", -1)) {
            String rest = paragraph;
            while (textWidth(rest, size) > maxWidth) {
                int fit = 1;
                while (fit < rest.length() && textWidth(rest.substring(0, fit + 1), size) <= maxWidth) {
                    fit++;
                }
                int space = rest.lastIndexOf(' ', fit);
                int cut = space > fit / 2 ? space : fit;
                lines.add(rest.substring(0, cut).stripTrailing());
                rest = rest.substring(cut).stripLeading();
            }
            lines.add(rest);
        }
        return lines;
    }

    /** Writes the document with "footer  page n / N" on every page. */
    void save(OutputStream out) throws IOException {
        content.close();
        content = null;
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream footerStream = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                String text = footer + "    第 " + (i + 1) + " / " + pages + " 页";
                footerStream.beginText();
                footerStream.setFont(font, 8);
                footerStream.newLineAtOffset(MARGIN, MARGIN / 2);
                footerStream.showText(printable(text));
                footerStream.endText();
            }
        }
        document.save(out);
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
        }
        document.close();
    }
}
