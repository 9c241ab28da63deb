package io.crmflow.quote;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/** The arithmetic of a quote, in CNY with two decimals. */
final class QuotePricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private QuotePricing() {
    }

    record PricedLine(int quantity, BigDecimal listPrice, BigDecimal unitPrice) {

        BigDecimal total() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
        }

        BigDecimal atListPrice() {
            return listPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
        }
    }

    record Totals(BigDecimal listTotal, BigDecimal discountAmount, BigDecimal netTotal, BigDecimal effectiveDiscountPercent) {
    }

    /**
     * Net total = sum of the lines less the total discount, rounded half up to the fen. The effective discount compares
     * that (before rounding) with the list prices, and is rounded up: a price concession hidden in unit prices cannot
     * slip under an approval threshold, while lines at list price give exactly the discount asked for.
     */
    static Totals of(List<PricedLine> lines, BigDecimal discountPercent) {
        BigDecimal linesTotal = lines.stream().map(PricedLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal listTotal = lines.stream().map(PricedLine::atListPrice).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal keptPercent = HUNDRED.subtract(discountPercent);
        BigDecimal netTotal = linesTotal.multiply(keptPercent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        BigDecimal effective = HUNDRED.subtract(keptPercent.multiply(linesTotal).divide(listTotal, MathContext.DECIMAL64))
                .setScale(2, RoundingMode.CEILING);
        return new Totals(listTotal.setScale(2), listTotal.subtract(netTotal).setScale(2), netTotal, effective);
    }
}
