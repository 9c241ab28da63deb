package io.crmflow.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A contract made from an approved quote; {@code amount} (CNY) is the quote's net total. {@code round} counts approval rounds. */
public record Contract(long id, long opportunityId, long quoteId, ContractStatus status, String currency, BigDecimal amount,
                       String terms, ContractRoute approvalRoute, int round, String createdBy, String processInstanceId,
                       Instant createdAt, Instant decidedAt, List<ContractApproval> approvals) {

    /** Contract numbers as customers see them. */
    @JsonProperty("number")
    public String number() {
        return "C-" + id;
    }
}
