package io.crmflow.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

public record Opportunity(long id, Long leadId, String name, String company, String ownerId, String region, String productLine,
                          OpportunityStage stage, int winProbability, BigDecimal amount, LocalDate expectedCloseDate,
                          String contactPerson, String firstMeetingNote, String requirementSummary, BigDecimal budget,
                          String decisionMaker, LossReason lossReason, String lossNote, Instant stageEnteredAt,
                          Instant lastActivityAt, int idlePeriods, boolean idleFlagged, String processInstanceId,
                          Instant createdAt, Instant updatedAt) {

    /** Whether what a stage's exit need names has been recorded. */
    boolean has(String need, ApprovedQuotes approvedQuotes) {
        return switch (need) {
            case "contactPerson" -> present(contactPerson);
            case "firstMeetingNote" -> present(firstMeetingNote);
            case "requirementSummary" -> present(requirementSummary);
            case "budget" -> budget != null;
            case "decisionMaker" -> present(decisionMaker);
            case "approvedQuote" -> approvedQuotes.existFor(id);
            // Contracts are not part of crmflow yet: nothing can be approved, so this need stays open.
            case "approvedContract" -> false;
            default -> throw new IllegalStateException("rules/opportunity-stage.dmn names an unknown exit need '" + need + "'");
        };
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
