package io.crmflow.quote;

import java.math.BigDecimal;

/** A line as quoted: product name and category as they were then, list and unit price in CNY, line total = quantity × unit price. */
public record QuoteLine(int lineNo, long productId, String productName, String category, int quantity, BigDecimal listPrice,
                        BigDecimal unitPrice, BigDecimal lineTotal) {
}
