package io.crmflow.activity;

import java.util.List;

import io.crmflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Pharmacy visits", description = "药房拜访 The six-step visit procedure for PHARMACY customers, each step with its evidence (docs/product.md §13)")
class PharmacyVisitController {

    private final PharmacyVisits visits;

    PharmacyVisitController(PharmacyVisits visits) {
        this.visits = visits;
    }

    @PostMapping("/api/customers/{customerId}/pharmacy-visits")
    @Operation(summary = "Start the pharmacy visit procedure (owner, the region's manager, administrators)",
            description = "Booking → stock check → competitor check → demo → quote → payment follow-up, each a Tasklist task for the customer's "
                    + "owner that is completed only with its evidence (rules/pharmacy-visit-evidence.dmn). 422 for a customer that is not a "
                    + "PHARMACY, 409 while a visit of the customer is under way")
    ResponseEntity<PharmacyVisits.StartedVisit> start(@PathVariable long customerId, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(visits.start(customerId, user));
    }

    @GetMapping({"/api/pharmacy-visits/board", "/dashboard/data/pharmacy-visit-board"})
    @Operation(summary = "The manager's board: pharmacy visit steps open more than 72 hours",
            description = "Managers see their regions', reps their own, administrators all; oldest warning first. Also under /dashboard/data for "
                    + "the dashboard's session")
    List<PharmacyVisits.BoardItem> board(Authentication user) {
        return visits.board(CurrentUser.of(user));
    }
}
