package io.crmflow.ticket;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the ticket actions of {@link TicketController}. */
final class TicketRequests {

    private TicketRequests() {
    }

    /** An agent's answer to the customer; {@code waitForCustomer} puts the ticket WAITING_ON_CUSTOMER (resolution clock paused). */
    record AgentReply(@NotBlank @Size(max = 4000) String body, Boolean waitForCustomer) {
    }

    /**
     * What the customer wrote (by mail, phone, WeChat or web), recorded by the service desk. {@code solved} answers an automatic
     * knowledge-base reply (L1): true resolves the ticket, anything else sends it to the support agents (L2).
     */
    record CustomerReply(@NotBlank @Size(max = 4000) String body, Boolean solved) {
    }

    record Resolution(@NotBlank @Size(max = 4000) String resolution) {
    }

    record Transfer(@Size(max = 2000) String note) {
    }

    record Confirmation(@Min(1) @Max(5) Integer csat) {
    }

    record Reopen(@NotBlank @Size(max = 4000) String reason) {
    }

    record Rating(@NotNull @Min(1) @Max(5) Integer csat) {
    }

    record ArticleProposal(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 500) String keywords) {
    }

    record Review(@Size(max = 1000) String note) {
    }
}
