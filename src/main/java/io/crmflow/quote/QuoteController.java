package io.crmflow.quote;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Quotes", description = "报价 Quotes of opportunities in PROPOSAL, discount approval and PDF (docs/product.md §3.6)")
class QuoteController {

    private final QuoteService quotes;
    private final QuotePdf pdf;

    QuoteController(QuoteService quotes, QuotePdf pdf) {
        this.quotes = quotes;
        this.pdf = pdf;
    }

    @PostMapping("/api/opportunities/{id}/quotes")
    @Operation(summary = "Submit a quote (owner, region manager, administrator)", description = "Lines with product, quantity and "
            + "optional unit price (default list price, never above it), a total discount %. 422 for a line short of stock, "
            + "with in-stock substitutes of the same category; 409 unless the opportunity is in PROPOSAL with no quote pending. "
            + "Approval per rules/quote-discount-approval.dmn: the answer is APPROVED at once or PENDING_APPROVAL.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Quote> create(@PathVariable long id, @Valid @RequestBody NewQuote quote, Authentication user) {
        Quote created = quotes.create(id, quote, user);
        return ResponseEntity.created(URI.create("/api/opportunities/" + id + "/quotes/" + created.id())).body(created);
    }

    @GetMapping("/api/opportunities/{id}/quotes")
    @Operation(summary = "The opportunity's quotes, newest first")
    List<Quote> list(@PathVariable long id, Authentication user) {
        return quotes.list(id, user);
    }

    @GetMapping("/api/opportunities/{id}/quotes/{quoteId}")
    @Operation(summary = "One quote with its lines and approvals")
    Quote get(@PathVariable long id, @PathVariable long quoteId, Authentication user) {
        return quotes.visible(id, quoteId, user);
    }

    // No "produces": a refusal must still come back as problem+json, not as a PDF.
    @GetMapping("/api/opportunities/{id}/quotes/{quoteId}.pdf")
    @Operation(summary = "An approved quote as PDF (409 for others)")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long quoteId, Authentication user) {
        QuoteService.QuoteDocument document = quotes.document(id, quoteId, user);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(document.quote().number() + ".pdf").build().toString())
                .body(pdf.render(document));
    }

    @PostMapping("/api/quotes/{quoteId}/decision")
    @Operation(summary = "Approve or reject the step waiting for the caller", description = "The same step as the approval task in "
            + "Tasklist: the region's manager for the manager step, a finance member for the finance step. A rejection needs a comment.")
    Quote decide(@PathVariable long quoteId, @Valid @RequestBody QuoteDecision decision, Authentication user) {
        return quotes.requestDecision(quoteId, decision, user);
    }
}
