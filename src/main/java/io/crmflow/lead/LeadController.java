package io.crmflow.lead;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/leads")
@Tag(name = "Leads", description = "线索 Lead intake, scoring and history")
class LeadController {

    private final LeadService leads;

    LeadController(LeadService leads) {
        this.leads = leads;
    }

    @PostMapping
    @Operation(summary = "Submit a lead", description = "201 with a new lead (scored, assigned, process started); "
            + "200 with the existing lead for a repeated externalId or a duplicate of an open lead (duplicate=true).")
    ResponseEntity<LeadView> submit(@Valid @RequestBody NewLead lead, Principal principal) {
        LeadSubmission submission;
        try {
            submission = leads.submit(lead, principal.getName());
        } catch (DuplicateKeyException concurrentRetry) {
            // The same externalId arrived twice at once: the other request created it, this one is the retry.
            submission = new LeadSubmission(leads.getByExternalId(lead.externalId()), LeadSubmission.Kind.REPEATED);
        }
        LeadView view = LeadView.of(submission.lead(), submission.kind() == LeadSubmission.Kind.DUPLICATE);
        if (submission.kind() == LeadSubmission.Kind.CREATED) {
            return ResponseEntity.created(URI.create("/api/leads/" + view.id())).body(view);
        }
        return ResponseEntity.ok(view);
    }

    @GetMapping("/{id}")
    LeadView get(@PathVariable long id) {
        return LeadView.of(leads.get(id), false);
    }

    @GetMapping("/{id}/decisions")
    @Operation(summary = "Every automated decision about the lead, with inputs, outputs, fired rules and rule-set version")
    List<LeadDecision> decisions(@PathVariable long id) {
        return leads.decisions(id);
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The lead's append-only timeline")
    List<LeadEvent> timeline(@PathVariable long id) {
        return leads.timeline(id);
    }
}
