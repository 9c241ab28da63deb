package io.crmflow.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * Opportunity history as a CSV file for {@code POST /api/import/opportunities}, with a funnel known in advance: of
 * {@code reached[0]} opportunities that entered INITIAL_CONTACT, the first {@code reached[1]} moved on after 3 days,
 * the first {@code reached[2]} after 5 more, the first {@code reached[3]} after 7 more, and the first {@code reached[4]}
 * were won 10 days later; every other one was lost 2 days after entering its last stage, for reasons in turn.
 */
final class HistoryCsv {

    static final String HEADER = "externalId,name,company,owner,region,amount,expectedCloseDate,initialContact,needsConfirmed,proposal,"
            + "negotiation,closedDate,outcome,lossReason\n";
    static final List<String> REASONS = List.of("PRICE", "COMPETITOR", "NO_BUDGET", "NO_DECISION");

    private HistoryCsv() {
    }

    /** Contacts are spread over 20 days from {@code start}; every opportunity is worth 10 000 CNY. */
    static String funnel(String owner, String region, LocalDate start, int... reached) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < reached[0]; i++) {
            LocalDate contact = start.plusDays(i % 20);
            LocalDate[] entered = {contact, i < reached[1] ? contact.plusDays(3) : null, i < reached[2] ? contact.plusDays(8) : null,
                    i < reached[3] ? contact.plusDays(15) : null};
            LocalDate last = i < reached[3] ? entered[3] : i < reached[2] ? entered[2] : i < reached[1] ? entered[1] : contact;
            boolean won = i < reached[4];
            csv.append(String.join(",", owner + "-" + i, "历史商机 " + owner + " " + i, "华东医院 " + i, owner, region, "10000.00", "",
                    contact.toString(), text(entered[1]), text(entered[2]), text(entered[3]), (won ? last.plusDays(10) : last.plusDays(2)).toString(),
                    won ? "WON" : "LOST", won ? "" : REASONS.get(i % REASONS.size()))).append('\n');
        }
        return csv.toString();
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
