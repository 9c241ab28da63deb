package io.crmflow.quote;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A quote for an opportunity. Amounts are CNY with two decimals: {@code listTotal} at list prices, {@code netTotal}
 * what the customer pays, {@code discountAmount} the difference. {@code discountPercent} is the total discount the
 * owner asked for on the lines; {@code effectiveDiscountPercent} is the discount off list prices in total (unit prices
 * below list price included), and the approval route is decided on it.
 */
public record Quote(long id, long opportunityId, QuoteStatus status, String currency, BigDecimal discountPercent,
                    BigDecimal effectiveDiscountPercent, BigDecimal listTotal, BigDecimal discountAmount, BigDecimal netTotal,
                    ApprovalRoute approvalRoute, String note, String createdBy, String processInstanceId, Instant createdAt,
                    Instant decidedAt, List<QuoteLine> lines, List<QuoteApproval> approvals) {

    /** Quote numbers as customers see them. */
    @JsonProperty("number")
    public String number() {
        return "Q-" + id;
    }
}
