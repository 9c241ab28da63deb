package io.crmflow.analytics;

import java.time.LocalDate;
import java.util.List;

import io.crmflow.calendar.BusinessCalendars;
import io.crmflow.team.Region;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Field work numbers (docs/product.md §13), under {@code /api/analytics} and {@code /dashboard/data} like the others. */
@RestController
@Validated
@Tag(name = "Analytics", description = "分析 Field work per rep and week, cadence compliance per tier (docs/product.md §13)")
class ActivityAnalyticsController {

    private final ActivityAnalytics activities;
    private final AnalyticsScope scope;
    private final BusinessCalendars calendars;

    ActivityAnalyticsController(ActivityAnalytics activities, AnalyticsScope scope, BusinessCalendars calendars) {
        this.activities = activities;
        this.scope = scope;
        this.calendars = calendars;
    }

    @GetMapping({"/api/analytics/activities", "/dashboard/data/activities"})
    @Operation(summary = "Per rep and week (Monday, Asia/Shanghai): visits, calls and their minutes, online meetings, demos, other contacts, "
            + "late entries; and per tier the customers within their follow-up cadence right now")
    ActivityAnalytics.Report activities(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                        @RequestParam(required = false) Region region, @RequestParam(required = false) @Size(max = 64) String owner,
                                        Authentication user) {
        return activities.report(Period.of(from, to, calendars.current().zone()), scope.filter(user, region, owner));
    }

    @GetMapping({"/api/analytics/pharmacy-step-dwell", "/dashboard/data/pharmacy-step-dwell"})
    @Operation(summary = "Per rep and pharmacy visit step, for steps opened in the period: completed steps and their average hours open, "
            + "steps still open, steps warned for staying open more than 72 hours")
    List<ActivityAnalytics.StepDwell> pharmacyStepDwell(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                        @RequestParam(required = false) Region region,
                                                        @RequestParam(required = false) @Size(max = 64) String owner, Authentication user) {
        return activities.pharmacyStepDwell(Period.of(from, to, calendars.current().zone()), scope.filter(user, region, owner));
    }
}
