package io.crmflow.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Quote totals in CNY with two decimals, and the discount off list prices that approval is decided on. */
class QuotePricingTest {

    private static QuotePricing.PricedLine line(int quantity, String listPrice, String unitPrice) {
        return new QuotePricing.PricedLine(quantity, new BigDecimal(listPrice), new BigDecimal(unitPrice));
    }

    @Test
    void atListPricesTheEffectiveDiscountIsExactlyTheOneAskedFor() {
        QuotePricing.Totals totals = QuotePricing.of(List.of(line(3, "38500.00", "38500.00"), line(7, "1250.00", "1250.00")),
                new BigDecimal("10"));

        assertThat(totals.listTotal()).isEqualTo("124250.00");
        assertThat(totals.discountAmount()).isEqualTo("12425.00");
        assertThat(totals.netTotal()).isEqualTo("111825.00");
        assertThat(totals.effectiveDiscountPercent()).isEqualByComparingTo("10");
    }

    @Test
    void netTotalIsRoundedHalfUpToTheFen() {
        QuotePricing.Totals totals = QuotePricing.of(List.of(line(1, "32.50", "32.50")), new BigDecimal("12.5"));

        // 32.50 × 0.875 = 28.4375
        assertThat(totals.netTotal()).isEqualTo("28.44");
        assertThat(totals.discountAmount()).isEqualTo("4.06");
        assertThat(totals.effectiveDiscountPercent()).isEqualByComparingTo("12.5");
    }

    @Test
    void aUnitPriceBelowListPriceCountsTowardsTheDiscountAndRoundsUp() {
        // 10 % on the lines, but the unit price is already 5 % below list: 1 - 0.95 × 0.9 = 14.5 % off list.
        QuotePricing.Totals totals = QuotePricing.of(List.of(line(2, "1000.00", "950.00")), new BigDecimal("10"));

        assertThat(totals.listTotal()).isEqualTo("2000.00");
        assertThat(totals.netTotal()).isEqualTo("1710.00");
        assertThat(totals.discountAmount()).isEqualTo("290.00");
        assertThat(totals.effectiveDiscountPercent()).isEqualByComparingTo("14.5");

        // 2.00 instead of 3.00 is 33.333… % off list: rounded up, so that it never slips under a threshold.
        assertThat(QuotePricing.of(List.of(line(1, "3.00", "2.00")), BigDecimal.ZERO).effectiveDiscountPercent()).isEqualByComparingTo("33.34");
        assertThat(QuotePricing.of(List.of(line(3, "1.00", "0.67")), BigDecimal.ZERO).effectiveDiscountPercent()).isEqualByComparingTo("33.00");
    }
}
