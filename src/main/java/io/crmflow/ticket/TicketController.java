package io.crmflow.ticket;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Validated
@Tag(name = "Tickets", description = "服务工单 Service tickets, SLA clocks and knowledge base (docs/product.md §4)")
class TicketController {

    private final TicketService tickets;
    private final KnowledgeBase knowledgeBase;

    TicketController(TicketService tickets, KnowledgeBase knowledgeBase) {
        this.tickets = tickets;
        this.knowledgeBase = knowledgeBase;
    }

    @PostMapping("/tickets")
    @Operation(summary = "Enter a ticket", description = "Priority from rules/ticket-priority.dmn, SLA due times from rules/ticket-sla.dmn "
            + "and the business calendar; a P3/P4 ticket matching an approved article is answered at once (L1)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<TicketView> create(@Valid @RequestBody NewTicket request, Authentication user) {
        TicketView created = tickets.create(request, TicketActor.of(user));
        return ResponseEntity.created(URI.create("/api/tickets/" + created.id())).body(created);
    }

    @GetMapping("/tickets")
    @Operation(summary = "Tickets: all for the service desk, those of their customers for account owners; newest first")
    List<TicketView> list(@RequestParam(required = false) TicketStatus status, @RequestParam(required = false) Long customerId,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                          @RequestParam(defaultValue = "0") @Min(0) int offset, Authentication user) {
        return tickets.list(TicketActor.of(user), status, customerId, limit, offset);
    }

    @GetMapping("/tickets/{id}")
    @Operation(summary = "A ticket with its SLA clocks (target, due, elapsed and paused business time, state) and conversation")
    TicketView get(@PathVariable long id, Authentication user) {
        return tickets.visible(id, TicketActor.of(user));
    }

    @GetMapping("/tickets/{id}/timeline")
    @Operation(summary = "The ticket's append-only timeline")
    List<TicketEvent> timeline(@PathVariable long id, Authentication user) {
        return tickets.timeline(id, TicketActor.of(user));
    }

    @PostMapping("/tickets/{id}/replies")
    @Operation(summary = "Answer the customer", description = "The first answer meets the first-response clock; waitForCustomer=true "
            + "sets WAITING_ON_CUSTOMER and pauses the resolution clock")
    TicketView reply(@PathVariable long id, @Valid @RequestBody TicketRequests.AgentReply reply, Authentication user) {
        return tickets.reply(id, reply, TicketActor.of(user));
    }

    @PostMapping("/tickets/{id}/customer-replies")
    @Operation(summary = "Record what the customer wrote", description = "Resumes a paused resolution clock (the due time moves by the "
            + "paused business time). At L1, solved=true resolves the ticket, otherwise it goes to the support agents (L2)")
    TicketView customerReply(@PathVariable long id, @Valid @RequestBody TicketRequests.CustomerReply reply, Authentication user) {
        return tickets.customerReply(id, reply, TicketActor.of(user));
    }

    @PostMapping("/tickets/{id}/resolve")
    @Operation(summary = "Resolve (completes the L2 or L3 task)")
    TicketView resolve(@PathVariable long id, @Valid @RequestBody TicketRequests.Resolution resolution, Authentication user) {
        return tickets.resolve(id, resolution.resolution(), TicketActor.of(user));
    }

    @PostMapping("/tickets/{id}/transfer")
    @Operation(summary = "L3: hand the ticket and its conversation to the customer's account owner")
    TicketView transfer(@PathVariable long id, @Valid @RequestBody TicketRequests.Transfer transfer, Authentication user) {
        return tickets.transfer(id, transfer.note(), TicketActor.of(user));
    }

    @PostMapping("/tickets/{id}/confirm")
    @Operation(summary = "The customer confirms the resolution (optional CSAT 1-5): the ticket closes")
    TicketView confirm(@PathVariable long id, @Valid @RequestBody TicketRequests.Confirmation confirmation, Authentication user) {
        return tickets.confirm(id, confirmation.csat(), TicketActor.of(user));
    }

    @PostMapping("/tickets/{id}/reopen")
    @Operation(summary = "Reopen within the reopen window (rules/ticket-sla.dmn, 7 days) after resolution; 409 after it")
    TicketView reopen(@PathVariable long id, @Valid @RequestBody TicketRequests.Reopen reopen, Authentication user) {
        return tickets.reopen(id, reopen.reason(), TicketActor.of(user));
    }

    @PostMapping("/tickets/{id}/csat")
    @Operation(summary = "Customer satisfaction 1-5 of a resolved or closed ticket")
    TicketView rate(@PathVariable long id, @Valid @RequestBody TicketRequests.Rating rating, Authentication user) {
        return tickets.rate(id, rating.csat(), TicketActor.of(user));
    }

    @PostMapping("/tickets/{id}/article-proposals")
    @Operation(summary = "Propose the ticket's resolution as a knowledge-base article (waits for the support lead)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<KbArticle> propose(@PathVariable long id, @Valid @RequestBody TicketRequests.ArticleProposal proposal,
                                      Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(knowledgeBase.propose(id, proposal, TicketActor.of(user)));
    }
}
