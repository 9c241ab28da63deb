package io.crmflow.contract;

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
@Tag(name = "Contracts", description = "合同 Contracts from approved quotes, their approval and PDF (docs/product.md §3.7)")
class ContractController {

    private final ContractService contracts;
    private final ContractPdf pdf;

    ContractController(ContractService contracts, ContractPdf pdf) {
        this.contracts = contracts;
        this.pdf = pdf;
    }

    @PostMapping("/api/opportunities/{id}/contracts")
    @Operation(summary = "Draft a contract from an approved quote (owner, region manager, administrator)", description = "The amount "
            + "is the quote's net total. 409 unless the opportunity is in NEGOTIATION without a contract in approval; 422 for a quote "
            + "that is not an approved quote of the opportunity. Approvers per rules/contract-approval.dmn, in parallel.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Contract> create(@PathVariable long id, @Valid @RequestBody NewContract contract, Authentication user) {
        Contract created = contracts.create(id, contract, user);
        return ResponseEntity.created(URI.create("/api/contracts/" + created.id())).body(created);
    }

    @GetMapping("/api/opportunities/{id}/contracts")
    @Operation(summary = "The opportunity's contracts, newest first")
    List<Contract> list(@PathVariable long id, Authentication user) {
        return contracts.list(id, user);
    }

    @GetMapping("/api/contracts/{contractId}")
    @Operation(summary = "One contract with every approval round's decisions")
    Contract get(@PathVariable long contractId, Authentication user) {
        return contracts.visible(contractId, user);
    }

    // No "produces": a refusal must still come back as problem+json, not as a PDF.
    @GetMapping("/api/contracts/{contractId}.pdf")
    @Operation(summary = "An approved contract as PDF (409 for others)")
    ResponseEntity<byte[]> pdf(@PathVariable long contractId, Authentication user) {
        ContractService.ContractDocument document = contracts.document(contractId, user);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(document.contract().number() + ".pdf").build().toString())
                .body(pdf.render(document));
    }

    @PostMapping("/api/contracts/{contractId}/decision")
    @Operation(summary = "Approve or reject as one of the open approval steps", description = "The same task as in Tasklist: legal, "
            + "finance and GM members for their steps, the region's manager for the manager step. A rejection needs a comment.")
    Contract decide(@PathVariable long contractId, @Valid @RequestBody ContractDecision decision, Authentication user) {
        return contracts.requestDecision(contractId, decision, user);
    }

    @PostMapping("/api/contracts/{contractId}/revision")
    @Operation(summary = "Revise a rejected contract (owner, region manager, administrator); the approval starts over")
    Contract revise(@PathVariable long contractId, @Valid @RequestBody ContractRevision revision, Authentication user) {
        return contracts.requestRevision(contractId, revision, user);
    }
}
