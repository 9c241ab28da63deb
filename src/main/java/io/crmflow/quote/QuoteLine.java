package io.crmflow.quote;

import static io.crmflow.pdf.PdfDocuments.money;

import java.math.BigDecimal;

/** A line as quoted: product name and category as they were then, list and unit price in CNY, line total = quantity × unit price. */
public record QuoteLine(int lineNo, long productId, String productName, String category, int quantity, BigDecimal listPrice,
                        BigDecimal unitPrice, BigDecimal lineTotal) {

    /** One line of text for approval forms: {@code 1. Monitor [监护仪]  2 × 38,500.00 (list 40,000.00) = 77,000.00}. */
    public String summary() {
        return lineNo + ". " + productName + " [" + category + "]  " + quantity + " × " + money(unitPrice)
                + (unitPrice.compareTo(listPrice) < 0 ? " (list " + money(listPrice) + ")" : "") + " = " + money(lineTotal);
    }
}
