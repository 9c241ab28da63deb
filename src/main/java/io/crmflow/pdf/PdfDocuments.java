package io.crmflow.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * A4 business documents (quotes, contracts) with OpenPDF. The Chinese text needs a font with CJK glyphs embedded in
 * the file: PDF viewers have no CJK font of their own that can be relied on. Noto Sans SC (SIL Open Font License)
 * comes from Maven Central in {@code com.helger.font:ph-fonts-noto-sans-sc}; only the glyphs used are embedded (subset).
 */
@Component
public class PdfDocuments {

    static final String FONT_RESOURCE = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    public static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    private static final Color HEADER = new Color(0xE8, 0xEE, 0xF4);

    /** Parsed once: the TTF is 10 MB, and a {@link BaseFont} may be shared by documents. */
    private volatile BaseFont font;

    /** The fonts of a document: title, body text, bold body text. */
    public record Fonts(Font title, Font text, Font bold) {
    }

    /** Renders a document titled {@code title} whose content {@code content} adds. */
    public byte[] render(String title, BiConsumer<Document, Fonts> content) {
        Fonts fonts = new Fonts(new Font(font(), 18), new Font(font(), 10), new Font(font(), 10, Font.BOLD));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document page = new Document(PageSize.A4, 40, 40, 48, 48);
        PdfWriter.getInstance(page, pdf);
        page.addTitle(title);
        page.addCreator("crmflow");
        page.open();
        content.accept(page, fonts);
        page.close();
        return pdf.toByteArray();
    }

    /** A full-width table with a shaded heading row; {@code rows} adds the body cells. */
    public static PdfPTable table(float[] widths, List<String> headings, Fonts fonts, Consumer<PdfPTable> rows) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(14);
        for (String heading : headings) {
            PdfPCell cell = new PdfPCell(new Phrase(heading, fonts.bold()));
            cell.setBackgroundColor(HEADER);
            table.addCell(cell);
        }
        rows.accept(table);
        return table;
    }

    /** A right-aligned cell, for numbers and amounts. */
    public static PdfPCell number(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(value, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    /** Amounts as people read them: {@code 1,234,567.80}. */
    public static String money(BigDecimal amount) {
        return new DecimalFormat("#,##0.00").format(amount);
    }

    private BaseFont font() {
        BaseFont loaded = font;
        if (loaded == null) {
            synchronized (this) {
                if (font == null) {
                    font = load();
                }
                loaded = font;
            }
        }
        return loaded;
    }

    private static BaseFont load() {
        try (InputStream ttf = PdfDocuments.class.getClassLoader().getResourceAsStream(FONT_RESOURCE)) {
            if (ttf == null) {
                throw new IllegalStateException(FONT_RESOURCE + " is not on the classpath (com.helger.font:ph-fonts-noto-sans-sc)");
            }
            // Identity-H: Unicode text through the font's own glyphs; embedded, so any viewer shows the Chinese text.
            return BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FONT_RESOURCE, e);
        }
    }
}
