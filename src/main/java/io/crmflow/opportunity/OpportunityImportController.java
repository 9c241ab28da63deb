package io.crmflow.opportunity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Opportunities", description = "商机 Opportunities and their stages (docs/product.md §3.5)")
class OpportunityImportController {

    private final OpportunityHistoryImport historyImport;
    private final OpportunityAccess access;

    OpportunityImportController(OpportunityHistoryImport historyImport, OpportunityAccess access) {
        this.historyImport = historyImport;
        this.access = access;
    }

    @PostMapping(path = "/api/import/opportunities", consumes = "text/csv")
    @Operation(summary = "Import historical opportunities from CSV (sales managers for their regions, administrators)",
            description = "Columns externalId, name, company, owner, region, productLine, amount, expectedCloseDate, initialContact, "
                    + "needsConfirmed, proposal, negotiation (the date each stage was entered), closedDate, outcome (WON, LOST or empty), "
                    + "lossReason; externalId, name, owner, region, initialContact required. Closed rows become history for analytics; "
                    + "open rows start the opportunity process at their current stage. All rows are checked first: any bad row → 422 "
                    + "listing every problem by line, and nothing is imported. externalIds imported before are skipped.")
    HistoryImportReport importCsv(@RequestBody String csv, Authentication user) {
        return historyImport.importCsv(csv, access.viewer(user));
    }

    @ExceptionHandler(OpportunityHistoryImport.RowsRefused.class)
    ResponseEntity<ProblemDetail> refused(OpportunityHistoryImport.RowsRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, refused.getMessage());
        problem.setTitle("Invalid input");
        problem.setProperty("errors", refused.problems);
        return ResponseEntity.unprocessableEntity().body(problem);
    }
}
