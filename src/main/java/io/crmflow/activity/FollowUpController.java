package io.crmflow.activity;

import java.util.List;

import io.crmflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Follow-ups", description = "跟进频率 Customers behind their tier's follow-up cadence (docs/product.md §13)")
class FollowUpController {

    private final FollowUps followUps;

    FollowUpController(FollowUps followUps) {
        this.followUps = followUps;
    }

    @GetMapping({"/api/follow-ups/board", "/dashboard/data/follow-up-board"})
    @Operation(summary = "The manager's board: customers still behind 3 business days after their owner's follow-up task was opened",
            description = "Managers see their regions', reps their own, administrators all; oldest first. Also under /dashboard/data for the "
                    + "dashboard's session")
    List<FollowUps.FollowUp> board(Authentication user) {
        return followUps.board(CurrentUser.of(user));
    }
}
