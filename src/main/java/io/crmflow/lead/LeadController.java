package io.crmflow.lead;

import java.net.URI;
import java.util.List;

import io.crmflow.team.Region;
import io.crmflow.web.CsvUploads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Leads", description = "线索 Lead intake, scoring, assignment and history")
class LeadController {

    private final LeadService leads;
    private final LeadCsvImport csvImport;
    private final LeadAccess access;
    private final LeadSteps steps;

    LeadController(LeadService leads, LeadCsvImport csvImport, LeadAccess access, LeadSteps steps) {
        this.leads = leads;
        this.steps = steps;
        this.csvImport = csvImport;
        this.access = access;
    }

    @PostMapping("/api/leads")
    @Operation(summary = "Submit a lead", description = "201 with a new lead (scored, assigned, process started); "
            + "200 with the existing lead for a repeated externalId or a duplicate of an open lead (duplicate=true).")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "200", description = "a repeated externalId or a duplicate of an open lead: the existing lead", useReturnTypeSchema = true)
    ResponseEntity<LeadView> submit(@Valid @RequestBody NewLead lead, Authentication user) {
        LeadSubmission submission;
        try {
            submission = leads.submit(lead, user.getName());
        } catch (DuplicateKeyException concurrentRetry) {
            // The same externalId arrived twice at once: the other request created it, this one is the retry.
            submission = new LeadSubmission(leads.getByExternalId(lead.externalId()), LeadSubmission.Kind.REPEATED);
        }
        LeadView view = LeadView.of(submission.lead(), access.viewer(user), submission.kind() == LeadSubmission.Kind.DUPLICATE);
        if (submission.kind() == LeadSubmission.Kind.CREATED) {
            return ResponseEntity.created(URI.create("/api/leads/" + view.id())).body(view);
        }
        return ResponseEntity.ok(view);
    }

    @PostMapping(path = "/api/leads/import", consumes = "text/csv")
    @Operation(summary = "Import leads from CSV", description = "Header row with columns " + "externalId, name, company, "
            + "email, phone, source, region, industry, productLine, visits30d, dwellSeconds (name, source, region required). "
            + "Each row is submitted like POST /api/leads; the report lists created, duplicate, repeated and rejected rows "
            + "with line numbers. A malformed file is refused as a whole (400) and nothing is written.")
    ResponseEntity<?> importCsv(@RequestBody String csv, Authentication user) {
        LeadImportReport report = csvImport.importCsv(csv, user.getName());
        return CsvUploads.answer(report, report.created(), report.rejected(), report.rows());
    }

    @GetMapping("/api/leads")
    @Operation(summary = "Leads the caller may see (own, own region's pool, managed regions), newest first")
    List<LeadView> list(@RequestParam(required = false) LeadStatus status, @RequestParam(required = false) Region region,
                        @RequestParam(required = false) @Size(max = 64) String owner,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                        @RequestParam(defaultValue = "0") @Min(0) int offset, Authentication user) {
        LeadAccess.Viewer viewer = access.viewer(user);
        return leads.list(viewer, status, region, owner, limit, offset).stream().map(lead -> LeadView.of(lead, viewer, false)).toList();
    }

    @GetMapping("/api/pool")
    @Operation(summary = "公海 Pool leads of the caller's regions")
    List<LeadView> pool(@RequestParam(required = false) Region region, Authentication user) {
        return list(LeadStatus.IN_POOL, region, null, 500, 0, user);
    }

    @GetMapping("/api/leads/{id}")
    LeadView get(@PathVariable long id, Authentication user) {
        LeadAccess.Viewer viewer = access.viewer(user);
        return LeadView.of(leads.visibleLead(id, viewer), viewer, false);
    }

    @PostMapping("/api/leads/{id}/claim")
    @Operation(summary = "A rep takes a lead from the pool of their region (409 when someone was faster)")
    LeadView claim(@PathVariable long id, Authentication user) {
        LeadAccess.Viewer viewer = access.viewer(user);
        return LeadView.of(leads.claim(id, viewer), viewer, false);
    }

    @PostMapping("/api/leads/{id}/dispatch")
    @Operation(summary = "The region's manager hands a pool lead to a rep (same as the dispatch task in Tasklist)")
    LeadView dispatch(@PathVariable long id, @Valid @RequestBody DispatchRequest request, Authentication user) {
        LeadAccess.Viewer viewer = access.viewer(user);
        return LeadView.of(leads.dispatchByManager(id, request.rep(), viewer), viewer, false);
    }

    @PostMapping("/api/leads/{id}/contact")
    @Operation(summary = "Record the first contact (same as the contact task in Tasklist)", description = "Body like the "
            + "contact-lead form: contactChannel (PHONE, WECHAT, EMAIL, VISIT), contactNote (5–2000 characters). The owner, the "
            + "region's manager or an administrator; 409 naming the step when the lead is not waiting to be contacted.")
    LeadView contact(@PathVariable long id, @Valid @RequestBody LeadStepRequests.Contact contact, Authentication user) {
        LeadAccess.Viewer viewer = access.viewer(user);
        return LeadView.of(steps.contact(id, contact, viewer), viewer, false);
    }

    @PostMapping("/api/leads/{id}/qualify")
    @Operation(summary = "Qualify a contacted lead: it becomes an opportunity (outcome QUALIFIED of the qualify task)",
            description = "Optional body {qualificationNote}. 409 naming the step when the lead is not waiting to be qualified.")
    LeadView qualify(@PathVariable long id, @Valid @RequestBody(required = false) LeadStepRequests.Decision decision, Authentication user) {
        return decide(id, LeadOutcome.QUALIFIED, decision, user);
    }

    @PostMapping("/api/leads/{id}/nurture")
    @Operation(summary = "Nurture a contacted lead: touches on day 1, 3, 7 and a re-score on day 30 (outcome NURTURE)",
            description = "Optional body {qualificationNote}. 409 naming the step when the lead is not waiting to be qualified.")
    LeadView nurture(@PathVariable long id, @Valid @RequestBody(required = false) LeadStepRequests.Decision decision, Authentication user) {
        return decide(id, LeadOutcome.NURTURE, decision, user);
    }

    @PostMapping("/api/leads/{id}/disqualify")
    @Operation(summary = "Disqualify a contacted lead (outcome DISQUALIFIED)", description = "Body {disqualifyReason (NO_NEED, "
            + "NO_BUDGET, UNREACHABLE, DUPLICATE, OTHER), qualificationNote}. 409 naming the step when the lead is not waiting "
            + "to be qualified.")
    LeadView disqualify(@PathVariable long id, @Valid @RequestBody LeadStepRequests.Disqualification disqualification,
                        Authentication user) {
        LeadAccess.Viewer viewer = access.viewer(user);
        return LeadView.of(steps.disqualify(id, disqualification, viewer), viewer, false);
    }

    private LeadView decide(long id, LeadOutcome outcome, LeadStepRequests.Decision decision, Authentication user) {
        LeadAccess.Viewer viewer = access.viewer(user);
        return LeadView.of(steps.decide(id, outcome, decision == null ? LeadStepRequests.Decision.NONE : decision, viewer), viewer, false);
    }

    @GetMapping("/api/leads/{id}/decisions")
    @Operation(summary = "Every automated decision about the lead, with inputs, outputs, fired rules and rule-set version")
    List<LeadDecision> decisions(@PathVariable long id, Authentication user) {
        leads.visibleLead(id, access.viewer(user));
        return leads.decisions(id);
    }

    @GetMapping("/api/leads/{id}/timeline")
    @Operation(summary = "The lead's append-only timeline")
    List<LeadEvent> timeline(@PathVariable long id, Authentication user) {
        leads.visibleLead(id, access.viewer(user));
        return leads.timeline(id);
    }

    record DispatchRequest(@NotBlank @Size(max = 64) String rep) {
    }
}
