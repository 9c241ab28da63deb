package io.crmflow.analytics;

import java.time.LocalDate;
import java.util.List;

import io.crmflow.calendar.BusinessCalendars;
import io.crmflow.opportunity.OpportunityStage;
import io.crmflow.team.Region;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The numbers of docs/product.md §7. Each is served twice: under {@code /api/analytics} for API clients (HTTP Basic) and under
 * {@code /dashboard/data} for the dashboard page (its login session); same code, same row rules.
 */
@RestController
@Validated
@Tag(name = "Analytics", description = "分析 Funnel, forecast, leaderboard, stage dwell (docs/product.md §7); a rep sees own numbers, a manager their regions")
class AnalyticsController {

    private final SalesAnalytics sales;
    private final CustomerAnalytics customers;
    private final ChurnWatch churn;
    private final AnalyticsScope scope;
    private final BusinessCalendars calendars;

    AnalyticsController(SalesAnalytics sales, CustomerAnalytics customers, ChurnWatch churn, AnalyticsScope scope, BusinessCalendars calendars) {
        this.sales = sales;
        this.customers = customers;
        this.churn = churn;
        this.scope = scope;
        this.calendars = calendars;
    }

    @GetMapping({"/api/analytics/funnel", "/dashboard/data/funnel"})
    @Operation(summary = "Per stage entered in the period: entered, converted to a later stage, lost, conversion %, average days in stage; loss reasons")
    Funnel funnel(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) Region region, @RequestParam(required = false) @Size(max = 64) String owner,
                  Authentication user) {
        return sales.funnel(period(from, to), scope.filter(user, region, owner));
    }

    @GetMapping({"/api/analytics/funnel/opportunities", "/dashboard/data/funnel/opportunities"})
    @Operation(summary = "The opportunities behind a funnel stage: entered it in the period, newest first, with how they left it")
    List<SalesAnalytics.StageEntry> funnelOpportunities(@RequestParam OpportunityStage stage,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) Region region, @RequestParam(required = false) @Size(max = 64) String owner,
                  @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit, Authentication user) {
        return sales.funnelOpportunities(stage, period(from, to), scope.filter(user, region, owner), limit);
    }

    @GetMapping({"/api/analytics/forecast", "/dashboard/data/forecast"})
    @Operation(summary = "Open opportunities by expected close month and owner: pipeline and Σ amount × stage win probability")
    List<SalesAnalytics.ForecastRow> forecast(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) Region region, @RequestParam(required = false) @Size(max = 64) String owner,
                  Authentication user) {
        return sales.forecast(period(from, to), scope.filter(user, region, owner));
    }

    @GetMapping({"/api/analytics/leaderboard", "/dashboard/data/leaderboard"})
    @Operation(summary = "Won amount and count per rep for opportunities won in the period, best first")
    List<SalesAnalytics.LeaderboardRow> leaderboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) Region region, @RequestParam(required = false) @Size(max = 64) String owner,
                  Authentication user) {
        return sales.leaderboard(period(from, to), scope.filter(user, region, owner));
    }

    @GetMapping({"/api/analytics/stage-dwell", "/dashboard/data/stage-dwell"})
    @Operation(summary = "Average days per stage per rep, over the stays that ended, for stages entered in the period")
    List<SalesAnalytics.DwellRow> stageDwell(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) Region region, @RequestParam(required = false) @Size(max = 64) String owner,
                  Authentication user) {
        return sales.stageDwell(period(from, to), scope.filter(user, region, owner));
    }

    @GetMapping({"/api/analytics/customers/rfm", "/dashboard/data/customers/rfm"})
    @Operation(summary = "Customers by recency, frequency and monetary value of their orders (won opportunities), quintile scores 1-5",
            description = "Scored among the customers in scope: a rep's own, a manager's regions' (customers of reps working there), all")
    List<CustomerAnalytics.RfmRow> rfm(@RequestParam(required = false) Region region,
                  @RequestParam(required = false) @Size(max = 64) String owner, Authentication user) {
        return customers.rfm(scope.filter(user, region, owner));
    }

    @GetMapping({"/api/analytics/customers/churn", "/dashboard/data/customers/churn"})
    @Operation(summary = "Churn warnings, newest first (open=true: not followed up yet)", description = "A customer whose tier has a "
            + "limit in rules/customer-churn.dmn (A: 90 days) without an order for that long gets one, and its owner a task, daily check")
    List<ChurnWatch.ChurnWarning> churnWarnings(@RequestParam(required = false) Region region,
                  @RequestParam(required = false) @Size(max = 64) String owner, @RequestParam(defaultValue = "false") boolean open,
                  Authentication user) {
        return churn.warnings(customers.owners(scope.filter(user, region, owner)), open);
    }

    private Period period(LocalDate from, LocalDate to) {
        return Period.of(from, to, calendars.current().zone());
    }
}
