package io.crmflow.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** {@code customerId}: the customer it belongs to (docs/product.md §12); null for history imported without a known customer. */
public record Opportunity(long id, Long leadId, String name, String company, Long customerId, String ownerId, String region, String productLine,
                          OpportunityStage stage, int winProbability, BigDecimal amount, LocalDate expectedCloseDate,
                          String contactPerson, String firstMeetingNote, String requirementSummary, BigDecimal budget,
                          String decisionMaker, LossReason lossReason, String lossNote, Instant stageEnteredAt,
                          Instant lastActivityAt, int idlePeriods, boolean idleFlagged, String processInstanceId,
                          Instant createdAt, Instant updatedAt) {

    /** How a stage's exit needs are shown to people (the API names them by their field names). */
    static final Map<String, String> NEED_LABELS = Map.of(
            "contactPerson", "联系人 Contact person",
            "firstMeetingNote", "首次会面记录 First meeting note",
            "requirementSummary", "需求概述 Requirement summary",
            "budget", "预算 Budget",
            "decisionMaker", "决策人 Decision maker",
            "approvedQuote", "已批准的报价 An approved quote",
            "approvedContract", "已批准的合同 An approved contract");

    /** Whether what a stage's exit need names has been recorded. */
    boolean has(String need, ApprovedQuotes approvedQuotes, ApprovedContracts approvedContracts) {
        return switch (need) {
            case "contactPerson" -> present(contactPerson);
            case "firstMeetingNote" -> present(firstMeetingNote);
            case "requirementSummary" -> present(requirementSummary);
            case "budget" -> budget != null;
            case "decisionMaker" -> present(decisionMaker);
            case "approvedQuote" -> approvedQuotes.existFor(id);
            case "approvedContract" -> approvedContracts.existFor(id);
            default -> throw new IllegalStateException("rules/opportunity-stage.dmn names an unknown exit need '" + need + "'");
        };
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
