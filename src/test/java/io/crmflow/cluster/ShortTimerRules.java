package io.crmflow.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A copy of the shipped {@code rules/} whose deadlines come due within seconds, so timers fire while a test watches.
 * Only the rule files change (what a rules owner could upload); the application and its defaults stay as shipped:
 * <ul>
 *   <li>{@code lead-score.dmn}: contact within 0 business hours for grades A–C. The deadline is then the moment of
 *       assignment, so every assignment's contact-deadline timer fires at once and reclaims the lead; after the second
 *       reclaim the region's manager gets the dispatch task. Every lead therefore ends with exactly two reclaims.</li>
 *   <li>{@code ticket-sla.dmn}: P1 first response and resolution both 0.005 h (18 s), warned at 75 % (13.5 s). The two
 *       clocks of a ticket run in parallel branches of one process instance, so their timers come due together.</li>
 * </ul>
 */
final class ShortTimerRules {

    static final int RECLAIMS_PER_LEAD = 2;
    static final long SLA_WARNING_MILLIS = 13_500;
    static final long SLA_DUE_MILLIS = 18_000;

    private ShortTimerRules() {
    }

    static Path copyTo(Path directory) {
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(Path.of("rules"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, directory.resolve(file.getFileName()));
                }
            }
            for (int row = 1; row <= 3; row++) {
                replace(directory.resolve("lead-score.dmn"),
                        "(<outputEntry id=\"Table_LeadGrade_Row" + row + "_FollowUp\"><text>)\\d+(</text>)", "$10$2");
            }
            replace(directory.resolve("ticket-sla.dmn"), "(<outputEntry id=\"TicketSla_Row1_FirstResponse\"><text>)[0-9.]+(</text>)", "$10.005$2");
            replace(directory.resolve("ticket-sla.dmn"), "(<outputEntry id=\"TicketSla_Row1_Resolution\"><text>)[0-9.]+(</text>)", "$10.005$2");
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void replace(Path file, String regex, String replacement) throws IOException {
        String text = Files.readString(file);
        String changed = text.replaceFirst(regex, replacement);
        if (changed.equals(text)) {
            throw new IllegalStateException(file + " no longer has " + regex + ": update ShortTimerRules");
        }
        Files.writeString(file, changed);
    }
}
