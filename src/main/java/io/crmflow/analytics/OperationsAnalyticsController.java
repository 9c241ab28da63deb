package io.crmflow.analytics;

import java.time.LocalDate;
import java.util.List;

import io.crmflow.calendar.BusinessCalendars;
import io.crmflow.process.EngineClock;
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

/**
 * The operational numbers of docs/product.md §7: lead sources, pool sizes, SLA compliance and data quality. Served twice like
 * {@link AnalyticsController}: under {@code /api/analytics} and under {@code /dashboard/data}.
 */
@RestController
@Validated
@Tag(name = "Analytics", description = "分析 Lead sources, pools, SLA compliance, data quality (docs/product.md §7)")
class OperationsAnalyticsController {

    private final LeadAnalytics leads;
    private final ServiceAnalytics service;
    private final DataQuality dataQuality;
    private final AnalyticsScope scope;
    private final BusinessCalendars calendars;

    OperationsAnalyticsController(LeadAnalytics leads, ServiceAnalytics service, DataQuality dataQuality, AnalyticsScope scope,
                                  BusinessCalendars calendars) {
        this.leads = leads;
        this.service = service;
        this.dataQuality = dataQuality;
        this.scope = scope;
        this.calendars = calendars;
    }

    @GetMapping({"/api/analytics/lead-sources", "/dashboard/data/lead-sources"})
    @Operation(summary = "Per lead source, leads created in the period: qualified (converted to an opportunity), won, and the percentages")
    List<LeadAnalytics.LeadSourceRow> leadSources(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) Region region, @RequestParam(required = false) @Size(max = 64) String owner,
                  Authentication user) {
        return leads.leadSources(period(from, to), scope.filter(user, region, owner));
    }

    @GetMapping({"/api/analytics/pool", "/dashboard/data/pool"})
    @Operation(summary = "Per region: leads waiting in the public pool and how long the oldest has waited; a rep sees the pools of their regions")
    List<LeadAnalytics.PoolRow> pool(@RequestParam(required = false) Region region, Authentication user) {
        return leads.pools(scope.poolFilter(user, region), EngineClock.now());
    }

    @GetMapping({"/api/analytics/sla", "/dashboard/data/sla"})
    @Operation(summary = "Per priority, tickets opened in the period: first-response and resolution met %, breaches; for the support desk")
    List<ServiceAnalytics.SlaRow> sla(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  Authentication user) {
        scope.requireServiceDesk(user);
        return service.sla(period(from, to));
    }

    @GetMapping({"/api/analytics/data-quality", "/dashboard/data/data-quality"})
    @Operation(summary = "Open opportunities without amount or close date, open leads without phone and email, open opportunities idle > 72 h")
    DataQuality.Report dataQuality(@RequestParam(required = false) Region region, @RequestParam(required = false) @Size(max = 64) String owner,
                  Authentication user) {
        return dataQuality.report(scope.filter(user, region, owner), EngineClock.now());
    }

    private Period period(LocalDate from, LocalDate to) {
        return Period.of(from, to, calendars.current().zone());
    }
}
