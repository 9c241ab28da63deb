package io.crmflow.quote;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.crmflow.opportunity.Opportunity;
import org.springframework.stereotype.Component;

/**
 * Renders an approved quote as PDF with OpenPDF. The Chinese text needs a font with CJK glyphs embedded in the file:
 * PDF viewers have no CJK font of their own that can be relied on. Noto Sans SC (SIL Open Font License) comes from
 * Maven Central in {@code com.helger.font:ph-fonts-noto-sans-sc}; only the glyphs used are embedded (subset).
 */
@Component
class QuotePdf {

    static final String FONT_RESOURCE = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SHANGHAI);
    private static final Color HEADER = new Color(0xE8, 0xEE, 0xF4);

    /** Parsed once: the TTF is 10 MB, and a {@link BaseFont} may be shared by documents. */
    private volatile BaseFont font;

    byte[] render(QuoteService.QuoteDocument document) {
        Quote quote = document.quote();
        Opportunity opportunity = document.opportunity();
        Font title = new Font(font(), 18);
        Font text = new Font(font(), 10);
        Font bold = new Font(font(), 10, Font.BOLD);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document page = new Document(PageSize.A4, 40, 40, 48, 48);
        PdfWriter.getInstance(page, pdf);
        page.addTitle("报价单 Quotation " + quote.number());
        page.addCreator("crmflow");
        page.open();
        page.add(new Paragraph("报价单 Quotation " + quote.number(), title));
        page.add(new Paragraph("客户 Customer: " + (opportunity.company() == null ? opportunity.name() : opportunity.company()), text));
        page.add(new Paragraph("商机 Opportunity: " + opportunity.name() + "    销售 Sales rep: " + opportunity.ownerId(), text));
        page.add(new Paragraph("日期 Date: " + DAY_AND_TIME.format(quote.decidedAt()) + "    币种 Currency: " + quote.currency(), text));
        if (quote.note() != null) {
            page.add(new Paragraph("备注 Note: " + quote.note(), text));
        }
        page.add(lines(quote, text, bold));
        page.add(totals(quote, text, bold));
        for (QuoteApproval approval : quote.approvals()) {
            page.add(new Paragraph("审批 Approved by " + approval.approver() + " (" + ApprovalStep.valueOf(approval.step()).label() + "), "
                    + DAY_AND_TIME.format(approval.decidedAt()), text));
        }
        page.close();
        return pdf.toByteArray();
    }

    private static PdfPTable lines(Quote quote, Font text, Font bold) {
        PdfPTable table = new PdfPTable(new float[] {0.5f, 4.5f, 1.4f, 1f, 1.8f, 2f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(14);
        for (String heading : new String[] {"#", "产品 Product", "类别 Category", "数量 Qty", "单价 Unit price", "金额 Amount"}) {
            PdfPCell cell = new PdfPCell(new Phrase(heading, bold));
            cell.setBackgroundColor(HEADER);
            table.addCell(cell);
        }
        for (QuoteLine line : quote.lines()) {
            table.addCell(new Phrase(String.valueOf(line.lineNo()), text));
            table.addCell(new Phrase(line.productName(), text));
            table.addCell(new Phrase(line.category(), text));
            table.addCell(number(String.valueOf(line.quantity()), text));
            table.addCell(number(QuoteForm.money(line.unitPrice()), text));
            table.addCell(number(QuoteForm.money(line.lineTotal()), text));
        }
        return table;
    }

    private static PdfPTable totals(Quote quote, Font text, Font bold) {
        PdfPTable table = new PdfPTable(new float[] {3f, 2f});
        table.setWidthPercentage(50);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(10);
        total(table, "标价合计 List total", quote.listTotal(), text);
        total(table, "折扣 Discount (" + quote.effectiveDiscountPercent().toPlainString() + " %)", quote.discountAmount().negate(), text);
        total(table, "应付净额 Net total", quote.netTotal(), bold);
        return table;
    }

    private static void total(PdfPTable table, String label, BigDecimal amount, Font font) {
        table.addCell(new Phrase(label, font));
        table.addCell(number("CNY " + QuoteForm.money(amount), font));
    }

    private static PdfPCell number(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(value, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
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
        try (InputStream ttf = QuotePdf.class.getClassLoader().getResourceAsStream(FONT_RESOURCE)) {
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
