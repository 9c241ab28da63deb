package io.crmflow.quote;

import static io.crmflow.pdf.PdfDocuments.DAY_AND_TIME;
import static io.crmflow.pdf.PdfDocuments.money;
import static io.crmflow.pdf.PdfDocuments.number;

import java.math.BigDecimal;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;
import io.crmflow.opportunity.Opportunity;
import io.crmflow.pdf.PdfDocuments;
import org.springframework.stereotype.Component;

/** Renders an approved quote as PDF: customer, lines, totals and who approved it. */
@Component
class QuotePdf {

    private final PdfDocuments documents;

    QuotePdf(PdfDocuments documents) {
        this.documents = documents;
    }

    byte[] render(QuoteService.QuoteDocument document) {
        Quote quote = document.quote();
        Opportunity opportunity = document.opportunity();
        return documents.render("报价单 Quotation " + quote.number(), (page, fonts) -> {
            page.add(new Paragraph("报价单 Quotation " + quote.number(), fonts.title()));
            page.add(new Paragraph("客户 Customer: " + (opportunity.company() == null ? opportunity.name() : opportunity.company()), fonts.text()));
            page.add(new Paragraph("商机 Opportunity: " + opportunity.name() + "    销售 Sales rep: " + opportunity.ownerId(), fonts.text()));
            page.add(new Paragraph("日期 Date: " + DAY_AND_TIME.format(quote.decidedAt()) + "    币种 Currency: " + quote.currency(), fonts.text()));
            if (quote.note() != null) {
                page.add(new Paragraph("备注 Note: " + quote.note(), fonts.text()));
            }
            page.add(QuoteLinesTable.of(quote.lines(), fonts));
            page.add(totals(quote, fonts));
            for (QuoteApproval approval : quote.approvals()) {
                page.add(new Paragraph("审批 Approved by " + approval.decider() + " (" + ApprovalStep.valueOf(approval.step()).label() + "), "
                        + DAY_AND_TIME.format(approval.decidedAt()), fonts.text()));
            }
        });
    }

    private static PdfPTable totals(Quote quote, PdfDocuments.Fonts fonts) {
        PdfPTable table = new PdfPTable(new float[] {3f, 2f});
        table.setWidthPercentage(50);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(10);
        total(table, "标价合计 List total", quote.listTotal(), fonts.text());
        total(table, "折扣 Discount (" + quote.effectiveDiscountPercent().toPlainString() + " %)", quote.discountAmount().negate(), fonts.text());
        total(table, "应付净额 Net total", quote.netTotal(), fonts.bold());
        return table;
    }

    private static void total(PdfPTable table, String label, BigDecimal amount, Font font) {
        table.addCell(new Phrase(label, font));
        table.addCell(number("CNY " + money(amount), font));
    }
}
