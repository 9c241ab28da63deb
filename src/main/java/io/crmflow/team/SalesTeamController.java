package io.crmflow.team;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import io.crmflow.web.ForbiddenException;
import io.crmflow.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/team")
@Validated
@Tag(name = "Sales team", description = "销售团队 Rep profiles (assignment inputs) and region managers")
class SalesTeamController {

    private final SalesTeam team;
    private final IdentityService identityService;

    SalesTeamController(SalesTeam team, IdentityService identityService) {
        this.team = team;
        this.identityService = identityService;
    }

    @GetMapping("/reps")
    List<SalesRep> reps() {
        return team.allReps();
    }

    @GetMapping("/managers")
    Map<Region, String> managers() {
        return team.managers();
    }

    @PutMapping("/reps/{userId}")
    @Operation(summary = "Create or change a rep's profile", description = "Administrators for any rep; a sales manager for "
            + "reps of their regions, and only within their regions. The next assignment uses the new profile.")
    SalesRep saveRep(@PathVariable @Pattern(regexp = "[a-zA-Z0-9][a-zA-Z0-9._@-]{0,63}") String userId,
                     @Valid @RequestBody RepProfile profile, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.isAdmin()) {
            Set<Region> managed = team.regionsManagedBy(user);
            boolean currentlyTheirs = team.allReps().stream().filter(rep -> rep.userId().equals(userId)).findFirst()
                    .map(rep -> managed.containsAll(rep.regions())).orElse(true);
            if (managed.isEmpty() || !managed.containsAll(profile.regions()) || !currentlyTheirs) {
                throw new ForbiddenException("Only administrators, or the manager of all the rep's regions, may change this profile");
            }
        }
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            throw new InvalidRequestException("userId", "There is no user '" + userId + "'");
        }
        return team.saveRep(new SalesRep(userId, Set.copyOf(profile.regions()), Set.copyOf(profile.productLines()),
                Set.copyOf(profile.industries()), profile.capacity(), profile.active() == null || profile.active()), user.userId());
    }

    @PutMapping("/managers/{region}")
    @Operation(summary = "Set the manager of a region (administrators)")
    Map<Region, String> setManager(@PathVariable Region region, @Valid @RequestBody RegionManager manager, Authentication authentication) {
        if (!CurrentUser.of(authentication).isAdmin()) {
            throw new ForbiddenException("Only administrators may change region managers");
        }
        if (identityService.createUserQuery().userId(manager.userId()).memberOfGroup(CrmflowGroup.SALES_MANAGER.id()).count() == 0) {
            throw new InvalidRequestException("userId", "'" + manager.userId() + "' is not a member of group sales-manager");
        }
        team.setManager(region, manager.userId(), CurrentUser.of(authentication).userId());
        return team.managers();
    }

    record RepProfile(@NotEmpty Set<@NotNull Region> regions, @NotEmpty Set<@NotNull ProductLine> productLines,
                      @NotEmpty Set<@NotNull Industry> industries, @NotNull @Min(0) @Max(1000) Integer capacity, Boolean active) {
    }

    record RegionManager(@NotBlank String userId) {
    }
}
