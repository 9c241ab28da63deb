package io.crmflow.analytics;

import io.crmflow.process.EngineClock;
import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.RulesOwners;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calibration of the lead grades for the rules workbench (docs/product.md §15), beside the rules API and with its
 * authorization: under {@code /api/rules} for API clients and {@code /rules/data} for the workbench page.
 */
@RestController
@Validated
@Tag(name = "Rules")
class GradeCalibrationController {

    private final GradeCalibration calibration;
    private final ActiveRuleSet rules;

    GradeCalibrationController(GradeCalibration calibration, ActiveRuleSet rules) {
        this.calibration = calibration;
        this.rules = rules;
    }

    @GetMapping({"/api/rules/calibration", "/rules/data/calibration"})
    @Operation(summary = "How leads of each grade converted (rules owners and administrators)", description = "For the leads "
            + "created in the last 'months' months (1–36, default 12), per grade and per grade and source: leads, qualified and "
            + "won (counts and % of the grade's leads), median days from creation to qualification. Grades as the leads have "
            + "them now; 'ruleSetVersion' is the version that grades new leads.")
    GradeCalibration.Calibration calibration(@RequestParam(defaultValue = "12") @Min(1) @Max(36) int months, Authentication user) {
        RulesOwners.check(user);
        return calibration.since(months, EngineClock.now(), rules.current().version());
    }
}
