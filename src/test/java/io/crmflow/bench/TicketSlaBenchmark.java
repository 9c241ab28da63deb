package io.crmflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.crmflow.calendar.BusinessCalendar;
import io.crmflow.rules.RuleSet;
import io.crmflow.rules.ShippedRules;
import io.crmflow.customer.CustomerTier;
import io.crmflow.ticket.Priority;
import io.crmflow.ticket.Severity;
import io.crmflow.ticket.SlaClocks;
import io.crmflow.ticket.SlaTargets;
import io.crmflow.ticket.TicketRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SLA due times (first response and resolution, with their 75 % warnings) for 100 000 tickets created at random minutes
 * of 2026, with random severities and tiers, on the shipped rules and business calendar. One operation = all 100 000
 * tickets. {@code withDmnPerTicket} decides priority and targets through the DMN tables for every ticket, as
 * {@code POST /api/tickets} does; {@code calendarOnly} looks targets up once per priority and measures the calendar
 * arithmetic alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class TicketSlaBenchmark {

    static final int TICKETS = 100_000;

    private RuleSet rules;
    private BusinessCalendar business;
    private BusinessCalendar roundTheClock;
    private final Map<Priority, SlaTargets> targets = new EnumMap<>(Priority.class);
    private final Instant[] created = new Instant[TICKETS];
    private final Severity[] severities = new Severity[TICKETS];
    private final CustomerTier[] tiers = new CustomerTier[TICKETS];

    @Setup
    public void setUp() throws Exception {
        rules = ShippedRules.ruleSet();
        business = BusinessCalendar.parse(Files.readString(Path.of("rules/business-calendar.yaml")));
        roundTheClock = BusinessCalendar.alwaysOpen(business.zone());
        for (Priority priority : Priority.values()) {
            targets.put(priority, TicketRules.sla(rules, priority));
        }
        Random random = new Random(42);
        Instant yearStart = Instant.parse("2025-12-31T16:00:00Z");
        for (int i = 0; i < TICKETS; i++) {
            created[i] = yearStart.plus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
            severities[i] = Severity.values()[random.nextInt(Severity.values().length)];
            tiers[i] = CustomerTier.values()[random.nextInt(CustomerTier.values().length)];
        }
    }

    @Benchmark
    public long withDmnPerTicket() {
        long checksum = 0;
        for (int i = 0; i < TICKETS; i++) {
            SlaTargets sla = TicketRules.sla(rules, TicketRules.priority(rules, tiers[i], severities[i]));
            checksum += dueTimes(sla, created[i]);
        }
        return checksum;
    }

    @Benchmark
    public long calendarOnly() {
        long checksum = 0;
        for (int i = 0; i < TICKETS; i++) {
            checksum += dueTimes(targets.get(priorityByTable(tiers[i], severities[i])), created[i]);
        }
        return checksum;
    }

    /** Both clocks' due and warning instants, folded into a number so that nothing is optimised away. */
    private long dueTimes(SlaTargets sla, Instant start) {
        BusinessCalendar calendar = sla.roundTheClock() ? roundTheClock : business;
        return SlaClocks.due(calendar, start, sla.firstResponse(), Duration.ZERO).getEpochSecond()
                + SlaClocks.warnAt(calendar, start, sla.firstResponse(), Duration.ZERO, sla.warningPercent()).getEpochSecond()
                + SlaClocks.due(calendar, start, sla.resolution(), Duration.ZERO).getEpochSecond()
                + SlaClocks.warnAt(calendar, start, sla.resolution(), Duration.ZERO, sla.warningPercent()).getEpochSecond();
    }

    /** docs/product.md §4's priority table, so that calendarOnly spends no time in Drools. */
    private static Priority priorityByTable(CustomerTier tier, Severity severity) {
        return switch (severity) {
            case CRITICAL -> Priority.P1;
            case HIGH -> tier == CustomerTier.A ? Priority.P1 : Priority.P2;
            case MEDIUM -> tier == CustomerTier.A ? Priority.P2 : Priority.P3;
            case LOW -> tier == CustomerTier.A ? Priority.P3 : Priority.P4;
        };
    }
}
