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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Out of office and approval delegation (docs/product.md §14). */
@RestController
@Validated
@Tag(name = "Stand-ins", description = "代班 Out of office and approval delegation")
class StandInController {

    private static final String USER_ID = "[a-zA-Z0-9][a-zA-Z0-9._@-]{0,63}";

    private final StandIns standIns;

    StandInController(StandIns standIns) {
        this.standIns = standIns;
    }

    private static final String PERIODS = "/api/team/{userId}/{kind:absences|approval-delegations}";

    @PostMapping(PERIODS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an out-of-office period (absences) or an approval delegation (approval-delegations)", description =
            "Absences: by the person, their manager or an administrator; without a deputy, tasks go to the person's manager. "
            + "Approval delegations: by a sales manager, finance, legal or GM user (or an administrator); quote and contract "
            + "approval tasks in the period, open ones included, go to the deputy, whose decisions read \"approved by deputy "
            + "for approver\"; a deputy never approves their own record. Days from–to inclusive. 422 names why: overlapping "
            + "period, a deputy who is away too, outside the person's group (absences), or missing (delegations).")
    StandIn record(@PathVariable @Pattern(regexp = USER_ID) String userId, @PathVariable String kind, @Valid @RequestBody Period period,
                   Authentication authentication) {
        return standIns.record(kindOf(kind), userId, period.from(), period.to(), blankToNull(period.deputy()), CurrentUser.of(authentication));
    }

    @GetMapping(PERIODS)
    @Operation(summary = "The person's periods of this kind, cancelled ones included")
    List<StandIn> list(@PathVariable @Pattern(regexp = USER_ID) String userId, @PathVariable String kind) {
        return standIns.list(kindOf(kind), userId);
    }

    @DeleteMapping(PERIODS + "/{id}")
    @Operation(summary = "Cancel a period", description = "Tasks already sent to the deputy stay with them.")
    StandIn cancel(@PathVariable @Pattern(regexp = USER_ID) String userId, @PathVariable String kind, @PathVariable long id,
                   Authentication authentication) {
        return standIns.cancel(kindOf(kind), userId, id, CurrentUser.of(authentication));
    }

    @GetMapping({"/api/team/stand-ins/current", "/dashboard/data/stand-ins"})
    @Operation(summary = "Absences and delegations in force today, with the regions they concern (the dashboard's panel)")
    List<StandIns.CurrentStandIn> current() {
        return standIns.currentWithRegions();
    }

    record Period(@NotNull LocalDate from, @NotNull LocalDate to, @Pattern(regexp = USER_ID) String deputy) {
    }

    private static StandInKind kindOf(String path) {
        return path.equals("absences") ? StandInKind.ABSENCE : StandInKind.APPROVALS;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
