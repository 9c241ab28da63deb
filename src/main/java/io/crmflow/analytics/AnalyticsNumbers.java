package io.crmflow.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the analytics round what they show: percentages and days to one decimal. */
final class AnalyticsNumbers {

    private AnalyticsNumbers() {
    }

    /** {@code part} of {@code whole} in percent, one decimal; null when there is no whole to take a part of. */
    static Double percent(long part, long whole) {
        return whole == 0 ? null : round(100.0 * part / whole);
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
