package io.crmflow.team;

import java.time.LocalDate;
import java.util.List;

import io.crmflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Out of office and approval delegation (docs/product.md §14). */
@RestController
@RequestMapping("/api/team")
@Validated
@Tag(name = "Stand-ins", description = "代班 Out of office and approval delegation")
class StandInController {

    private static final String USER_ID = "[a-zA-Z0-9][a-zA-Z0-9._@-]{0,63}";

    private final StandIns standIns;

    StandInController(StandIns standIns) {
        this.standIns = standIns;
    }

    @PostMapping("/{userId}/absences")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an out-of-office period", description = "By the person, their manager or an administrator. Days "
            + "from–to inclusive; without a deputy, tasks go to the person's manager. 422 names why: overlapping absence, a deputy "
            + "who is away too or outside the person's group.")
    StandIn recordAbsence(@PathVariable @Pattern(regexp = USER_ID) String userId, @Valid @RequestBody Period period, Authentication authentication) {
        return standIns.record(StandInKind.ABSENCE, userId, period.from(), period.to(), blankToNull(period.deputy()), CurrentUser.of(authentication));
    }

    @GetMapping("/{userId}/absences")
    List<StandIn> absences(@PathVariable @Pattern(regexp = USER_ID) String userId) {
        return standIns.list(StandInKind.ABSENCE, userId);
    }

    @DeleteMapping("/{userId}/absences/{id}")
    @Operation(summary = "Cancel an out-of-office period", description = "Tasks already sent to the deputy stay with them.")
    StandIn cancelAbsence(@PathVariable @Pattern(regexp = USER_ID) String userId, @PathVariable long id, Authentication authentication) {
        return standIns.cancel(StandInKind.ABSENCE, userId, id, CurrentUser.of(authentication));
    }

    @PostMapping("/{userId}/approval-delegations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Delegate approvals for a period", description = "A sales manager, finance, legal or GM user (or an "
            + "administrator for them) names a deputy; quote and contract approval tasks in the period, open ones included, go "
            + "to the deputy, and decisions read \"approved by deputy for approver\". A deputy never approves their own record.")
    StandIn delegate(@PathVariable @Pattern(regexp = USER_ID) String userId, @Valid @RequestBody Period period, Authentication authentication) {
        return standIns.record(StandInKind.APPROVALS, userId, period.from(), period.to(), blankToNull(period.deputy()), CurrentUser.of(authentication));
    }

    @GetMapping("/{userId}/approval-delegations")
    List<StandIn> delegations(@PathVariable @Pattern(regexp = USER_ID) String userId) {
        return standIns.list(StandInKind.APPROVALS, userId);
    }

    @DeleteMapping("/{userId}/approval-delegations/{id}")
    StandIn cancelDelegation(@PathVariable @Pattern(regexp = USER_ID) String userId, @PathVariable long id, Authentication authentication) {
        return standIns.cancel(StandInKind.APPROVALS, userId, id, CurrentUser.of(authentication));
    }

    @GetMapping("/stand-ins/current")
    @Operation(summary = "Absences and delegations in force today, with the regions they concern (the dashboard's panel)")
    List<StandIns.CurrentStandIn> current() {
        return standIns.currentWithRegions();
    }

    record Period(@NotNull LocalDate from, @NotNull LocalDate to, @Pattern(regexp = USER_ID) String deputy) {
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
