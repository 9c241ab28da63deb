package io.crmflow.quote;

import static io.crmflow.pdf.PdfDocuments.money;
import static io.crmflow.pdf.PdfDocuments.number;

import java.util.List;

import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;
import io.crmflow.pdf.PdfDocuments;

/** Quoted lines as a PDF table: in the quote's PDF, and in the PDF of a contract made from the quote. */
public final class QuoteLinesTable {

    private QuoteLinesTable() {
    }

    public static PdfPTable of(List<QuoteLine> lines, PdfDocuments.Fonts fonts) {
        return PdfDocuments.table(new float[] {0.5f, 4.5f, 1.4f, 1f, 1.8f, 2f},
                List.of("#", "产品 Product", "类别 Category", "数量 Qty", "单价 Unit price", "金额 Amount"), fonts, table -> {
                    for (QuoteLine line : lines) {
                        table.addCell(new Phrase(String.valueOf(line.lineNo()), fonts.text()));
                        table.addCell(new Phrase(line.productName(), fonts.text()));
                        table.addCell(new Phrase(line.category(), fonts.text()));
                        table.addCell(number(String.valueOf(line.quantity()), fonts.text()));
                        table.addCell(number(money(line.unitPrice()), fonts.text()));
                        table.addCell(number(money(line.lineTotal()), fonts.text()));
                    }
                });
    }
}
