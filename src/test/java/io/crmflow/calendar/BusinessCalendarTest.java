package io.crmflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expectations are hand-checked against the 2026 PRC calendar (2026-01-01 is a Thursday). All date-times in the
 * tables are Asia/Shanghai local times. The fixture repeats the 2026 arrangement so that edits to the shipped
 * file cannot silently change these expectations; the shipped file is checked against the fixture separately.
 */
class BusinessCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final String PRC_2026 = """
            zone: Asia/Shanghai
            workingDays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]
            hours: { start: "09:00", end: "18:00" }
            holidays:
              - { name: "元旦 New Year's Day",         from: 2026-01-01, to: 2026-01-03 }
              - { name: "春节 Spring Festival",        from: 2026-02-15, to: 2026-02-23 }
              - { name: "清明节 Qingming Festival",    from: 2026-04-04, to: 2026-04-06 }
              - { name: "劳动节 Labour Day",           from: 2026-05-01, to: 2026-05-05 }
              - { name: "端午节 Dragon Boat Festival", from: 2026-06-19, to: 2026-06-21 }
              - { name: "中秋节 Mid-Autumn Festival",  from: 2026-09-25, to: 2026-09-27 }
              - { name: "国庆节 National Day",         from: 2026-10-01, to: 2026-10-07 }
            makeUpWorkingDays:
              - { name: "元旦调休 New Year's Day make-up day",     date: 2026-01-04 }
              - { name: "春节调休 Spring Festival make-up day",    date: 2026-02-14 }
              - { name: "春节调休 Spring Festival make-up day",    date: 2026-02-28 }
              - { name: "劳动节调休 Labour Day make-up day",       date: 2026-05-09 }
              - { name: "国庆节调休 National Day make-up day",     date: 2026-09-20 }
              - { name: "国庆节调休 National Day make-up day",     date: 2026-10-10 }
            """;

    private static final BusinessCalendar CAL = BusinessCalendar.parse(PRC_2026);

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, SHANGHAI).toString();
    }

    /** "4h", "30m", "1h30m", "1m" → Duration. */
    private static Duration amount(String text) {
        return Duration.parse("PT" + text.toUpperCase());
    }

    // ---------------------------------------------------------------------------------- addBusinessTime

    @ParameterizedTest(name = "{0} + {1} = {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # start (Shanghai)     | amount | expected due         | why
            2026-03-02T10:00       | 4h     | 2026-03-02T14:00     | Monday 10:00 stays on the same day
            2026-03-02T10:00       | 30m    | 2026-03-02T10:30     | minutes work too
            2026-03-06T17:30       | 4h     | 2026-03-09T12:30     | Friday 17:30: 30 min Friday, 3.5 h Monday
            2026-03-07T11:00       | 4h     | 2026-03-09T13:00     | Saturday start counts from Monday 09:00
            2026-03-03T07:45       | 4h     | 2026-03-03T13:00     | before opening counts from 09:00
            2026-03-03T19:00       | 4h     | 2026-03-04T13:00     | after closing counts from next opening
            2026-03-03T18:00       | 4h     | 2026-03-04T13:00     | closing time itself is not business time
            2026-03-02T17:59:30    | 1m     | 2026-03-03T09:00:30  | a minute split across two days
            2026-03-02T10:00       | 9h     | 2026-03-03T10:00     | 9 h is one business day: same time next day
            2026-03-02T09:00       | 9h     | 2026-03-02T18:00     | from opening, a full day ends at closing
            2026-03-05T15:00       | 18h    | 2026-03-09T15:00     | 3 h Thu + 9 h Fri + 6 h Mon over the weekend
            2026-03-02T09:00       | 80h    | 2026-03-12T17:00     | multi-week: 8 full days (72 h) + 8 h
            2026-04-02T14:00       | 18h    | 2026-04-07T14:00     | 清明 Sat-Mon off: 4 h Thu + 9 h Fri + 5 h Tue
            2026-05-08T16:00       | 4h     | 2026-05-09T11:00     | make-up Saturday 2026-05-09 is worked
            2026-09-18T17:00       | 2h     | 2026-09-20T10:00     | make-up Sunday 2026-09-20 is worked
            2025-12-31T16:00       | 4h     | 2026-01-04T11:00     | New Year off, make-up Sunday 01-04 worked
            2026-04-30T18:30       | 4h     | 2026-05-06T13:00     | evening before Labour Day: next is Wed 05-06
            2026-02-13T17:00       | 9h     | 2026-02-14T17:00     | 1 h Fri + 8 h on make-up Saturday 02-14
            2026-02-14T17:00       | 2h     | 2026-02-24T10:00     | 1 h Sat, Spring Festival 02-15..23, 1 h Tue
            2026-09-21T10:00       | 80h    | 2026-10-09T18:00     | over 中秋 and 国庆, ends exactly at closing
            2026-09-21T10:00       | 81h    | 2026-10-10T10:00     | one more hour lands on make-up Sat 10-10
            2026-03-06T18:00       | 90h    | 2026-03-20T18:00     | exactly two whole weeks end at Friday closing
            2026-01-01T00:00       | 2232h  | 2026-12-31T18:00     | all of 2026: 248 working days x 9 h
            """)
    void addsBusinessTime(String start, String amount, String expected, String why) {
        assertThat(local(CAL.addBusinessTime(at(start), amount(amount)))).isEqualTo(expected);
    }

    @Test
    void zeroAmountLeavesTheStartUnchangedInsideAndOutsideBusinessHours() {
        assertThat(CAL.addBusinessTime(at("2026-03-02T10:15"), Duration.ZERO)).isEqualTo(at("2026-03-02T10:15"));
        assertThat(CAL.addBusinessTime(at("2026-03-07T23:00"), Duration.ZERO)).isEqualTo(at("2026-03-07T23:00"));
    }

    @Test
    void negativeAmountIsRejected() {
        assertThatThrownBy(() -> CAL.addBusinessTime(at("2026-03-02T10:00"), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void pausedTicketMovesItsDueTimeByThePausedBusinessTime() {
        // P3 ticket, 8 business hours: created Fri 15:00 -> 3 h Fri + 5 h Mon = Mon 14:00.
        Instant due = CAL.addBusinessTime(at("2026-03-06T15:00"), Duration.ofHours(8));
        assertThat(local(due)).isEqualTo("2026-03-09T14:00");
        // Waiting on the customer from Fri 17:00 to Mon 10:00 pauses only 2 business hours, not 65 wall hours.
        Duration paused = CAL.businessTimeBetween(at("2026-03-06T17:00"), at("2026-03-09T10:00"));
        assertThat(paused).isEqualTo(Duration.ofHours(2));
        assertThat(local(CAL.addBusinessTime(due, paused))).isEqualTo("2026-03-09T16:00");
    }

    // ---------------------------------------------------------------------------------- businessTimeBetween

    @ParameterizedTest(name = "[{0}, {1}) = {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # from (Shanghai)  | to (Shanghai)     | business time | why
            2026-03-02T10:00   | 2026-03-02T14:00  | 4h            | same morning
            2026-03-06T17:00   | 2026-03-09T10:00  | 2h            | the weekend adds nothing
            2026-03-06T18:00   | 2026-03-09T09:00  | 0h            | closing Friday to opening Monday
            2026-03-07T10:00   | 2026-03-08T20:00  | 0h            | inside a weekend
            2026-03-02T00:00   | 2026-03-09T00:00  | 45h           | one ordinary week
            2026-04-30T10:00   | 2026-05-06T10:00  | 9h            | Labour Day holiday in between
            2026-05-08T16:00   | 2026-05-11T10:00  | 12h           | 2 h Fri + 9 h make-up Sat + 1 h Mon
            2026-03-02T14:00   | 2026-03-02T10:00  | 0h            | to before from
            2026-03-02T10:00   | 2026-03-02T10:00  | 0h            | empty interval
            2026-01-01T00:00   | 2027-01-01T00:00  | 2232h         | all of 2026: 248 working days
            """)
    void measuresBusinessTime(String from, String to, String expected, String why) {
        assertThat(CAL.businessTimeBetween(at(from), at(to))).isEqualTo(amount(expected));
    }

    // ---------------------------------------------------------------------------------- day and instant queries

    @ParameterizedTest(name = "{0} working day: {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            2026-01-01 | false | New Year's Day, Thursday
            2026-01-02 | false | New Year holiday, Friday
            2026-01-04 | true  | make-up Sunday
            2026-01-05 | true  | ordinary Monday
            2026-03-07 | false | ordinary Saturday
            2026-03-08 | false | ordinary Sunday
            2026-02-23 | false | Monday inside Spring Festival
            2026-02-28 | true  | make-up Saturday
            2026-10-08 | true  | Thursday after National Day
            2026-10-10 | true  | make-up Saturday
            2026-10-11 | false | Sunday after the make-up Saturday
            """)
    void knowsWorkingDays(LocalDate date, boolean working, String why) {
        assertThat(CAL.isWorkingDay(date)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} business time: {1}")
    @CsvSource({
            "2026-03-02T09:00,    true",
            "2026-03-02T08:59:59, false",
            "2026-03-02T17:59:59, true",
            "2026-03-02T18:00,    false",
            "2026-03-07T10:00,    false",
            "2026-05-09T10:00,    true",
            "2026-05-01T10:00,    false",
    })
    void knowsBusinessTime(String instant, boolean expected) {
        assertThat(CAL.isBusinessTime(at(instant))).isEqualTo(expected);
    }

    @Test
    void nextBusinessTimeIsTheInstantItselfOrTheNextOpening() {
        assertThat(local(CAL.nextBusinessTime(at("2026-03-02T11:00")))).isEqualTo("2026-03-02T11:00");
        assertThat(local(CAL.nextBusinessTime(at("2026-03-06T18:00")))).isEqualTo("2026-03-09T09:00");
        assertThat(local(CAL.nextBusinessTime(at("2026-09-30T20:00")))).isEqualTo("2026-10-08T09:00");
    }

    @Test
    void namesHolidaysAndMakeUpDays() {
        assertThat(CAL.holidayName(LocalDate.of(2026, 10, 3))).contains("国庆节 National Day");
        assertThat(CAL.holidayName(LocalDate.of(2026, 10, 8))).isEmpty();
        assertThat(CAL.makeUpWorkingDayName(LocalDate.of(2026, 1, 4))).contains("元旦调休 New Year's Day make-up day");
    }

    // ---------------------------------------------------------------------------------- properties

    @Test
    void addAndBetweenAreInverseForManyRandomStarts() {
        Random random = new Random(20_260_101L);
        long first = at("2025-11-01T00:00").getEpochSecond();
        long span = at("2027-02-01T00:00").getEpochSecond() - first;
        for (int i = 0; i < 5_000; i++) {
            Instant start = Instant.ofEpochSecond(first + (long) (random.nextDouble() * span), random.nextInt(1_000));
            Duration amount = Duration.ofSeconds(1 + random.nextInt(400 * 3600));
            Instant due = CAL.addBusinessTime(start, amount);
            assertThat(CAL.businessTimeBetween(start, due)).as("start %s amount %s", start, amount).isEqualTo(amount);
            // Earliest instant: the moment just before the due time was still being counted.
            assertThat(CAL.isBusinessTime(due.minusNanos(1))).as("start %s amount %s", start, amount).isTrue();
        }
    }

    @Test
    void agreesWithAMinuteByMinuteWalk() {
        Random random = new Random(7L);
        long firstMinute = at("2025-12-20T00:00").getEpochSecond() / 60;
        for (int i = 0; i < 300; i++) {
            Instant start = Instant.ofEpochSecond((firstMinute + random.nextInt(330 * 24 * 60)) * 60);
            int minutes = random.nextInt(100 * 60);
            Instant expected = walkMinutes(CAL, start, minutes, LocalTime.of(9, 0), LocalTime.of(18, 0));
            assertThat(CAL.addBusinessTime(start, Duration.ofMinutes(minutes)))
                    .as("start %s + %d min", local(start), minutes).isEqualTo(expected);
        }
    }

    @Test
    void jumpingWholeWeeksGivesTheSameResultAsSmallSteps() {
        Random random = new Random(11L);
        for (int i = 0; i < 40; i++) {
            Instant start = at("2026-01-01T00:00").plus(random.nextInt(300 * 24), ChronoUnit.HOURS);
            int chunks = 1 + random.nextInt(300);
            Instant stepwise = start;
            for (int c = 0; c < chunks; c++) {
                stepwise = CAL.addBusinessTime(stepwise, Duration.ofHours(8)); // below a week: no jumps
            }
            assertThat(CAL.addBusinessTime(start, Duration.ofHours(8L * chunks)))
                    .as("start %s + %d x 8 h", local(start), chunks).isEqualTo(stepwise);
        }
    }

    @Test
    void daylightSavingChangesAreCountedInRealTime() {
        // 24 h a day, every day, one holiday so the plain-addition shortcut is not taken.
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        BusinessCalendar cal = BusinessCalendar.parse("""
                zone: Europe/Berlin
                workingDays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY]
                hours: { start: "00:00", end: "24:00" }
                holidays:
                  - { name: "Weihnachten Christmas", date: 2026-12-25 }
                """);
        Instant springDay = LocalDate.of(2026, 3, 29).atStartOfDay(berlin).toInstant();
        assertThat(cal.businessTimeBetween(springDay, springDay.plus(Duration.ofDays(1))))
                .isEqualTo(Duration.ofDays(1));
        assertThat(cal.businessTimeBetween(springDay, LocalDate.of(2026, 3, 30).atStartOfDay(berlin).toInstant()))
                .isEqualTo(Duration.ofHours(23));
        Random random = new Random(3L);
        long firstMinute = LocalDate.of(2026, 2, 1).atStartOfDay(berlin).toEpochSecond() / 60;
        for (int i = 0; i < 30; i++) {
            Instant start = Instant.ofEpochSecond((firstMinute + random.nextInt(300 * 24 * 60)) * 60);
            int minutes = random.nextInt(60 * 24 * 60);
            Instant expected = walkMinutes(cal, start, minutes, LocalTime.MIN, null);
            Instant due = cal.addBusinessTime(start, Duration.ofMinutes(minutes));
            assertThat(due).as("start %s + %d min", start, minutes).isEqualTo(expected);
            assertThat(cal.businessTimeBetween(start, due)).isEqualTo(Duration.ofMinutes(minutes));
        }
    }

    /**
     * In a calendar open all day every day, business time is real elapsed time away from holidays, whatever the
     * clocks do. The starts run up to and over each offset change, so the week jumps meet them at every distance.
     * Santiago changes at midnight (a gap in September, an overlap in April), Havana and Beirut at midnight
     * in spring, Berlin at night.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"America/Santiago", "America/Havana", "Asia/Beirut", "Europe/Berlin"})
    void weekJumpsStopAtOffsetChanges(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        BusinessCalendar cal = BusinessCalendar.parse("zone: " + zoneId + "\n" + """
                workingDays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY]
                hours: { start: "00:00", end: "24:00" }
                holidays:
                  - { name: "Far away", date: 2030-01-01 }
                """);
        ZoneRules rules = zone.getRules();
        int transitions = 0;
        for (ZoneOffsetTransition t = rules.nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
             t.getInstant().isBefore(Instant.parse("2027-01-01T00:00:00Z"));
             t = rules.nextTransition(t.getInstant())) {
            transitions++;
            LocalDate transitionDay = t.getDateTimeBefore().toLocalDate();
            for (int back = -2; back <= 16; back++) {
                Instant start = transitionDay.minusDays(back).atTime(12, 0).atZone(zone).toInstant();
                for (int days : new int[] {8, 10, 15}) {
                    Duration amount = Duration.ofDays(days);
                    assertThat(cal.addBusinessTime(start, amount)).as("%s + %s", start, amount)
                            .isEqualTo(start.plus(amount));
                    assertThat(cal.businessTimeBetween(start, start.plus(amount))).isEqualTo(amount);
                }
            }
        }
        assertThat(transitions).isEqualTo(2);
    }

    /** Reference result: step one minute at a time, counting minutes that start inside opening hours. */
    private static Instant walkMinutes(BusinessCalendar cal, Instant start, int minutes, LocalTime open,
                                       LocalTime close) {
        Instant t = start;
        int left = minutes;
        while (left > 0) {
            LocalDateTime local = LocalDateTime.ofInstant(t, cal.zone());
            LocalTime time = local.toLocalTime();
            if (cal.isWorkingDay(local.toLocalDate()) && !time.isBefore(open)
                    && (close == null || time.isBefore(close))) {
                left--;
            }
            t = t.plus(1, ChronoUnit.MINUTES);
        }
        return t;
    }

    // ---------------------------------------------------------------------------------- 24x7

    @Test
    void alwaysOpenCalendarIsPlainClockTime() {
        BusinessCalendar cal = BusinessCalendar.alwaysOpen(SHANGHAI);
        Instant saturdayNight = at("2026-03-07T23:30");
        assertThat(cal.zone()).isEqualTo(SHANGHAI);
        assertThat(cal.isBusinessTime(saturdayNight)).isTrue();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 1))).isTrue();
        assertThat(local(cal.addBusinessTime(saturdayNight, Duration.ofHours(4)))).isEqualTo("2026-03-08T03:30");
        assertThat(cal.businessTimeBetween(saturdayNight, at("2026-03-09T09:30"))).isEqualTo(Duration.ofHours(34));
        assertThat(cal.workingDays()).containsExactlyInAnyOrder(DayOfWeek.values());
    }

    // ---------------------------------------------------------------------------------- the shipped file

    @Nested
    class ShippedDefinition {

        private final BusinessCalendar shipped = BusinessCalendar.load(Path.of("rules/business-calendar.yaml"));

        @Test
        void isMondayToFridayNineToSixInShanghai() {
            assertThat(shipped.zone()).isEqualTo(SHANGHAI);
            assertThat(shipped.workingDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
            assertThat(shipped.isBusinessTime(at("2026-03-02T09:00"))).isTrue();
            assertThat(shipped.isBusinessTime(at("2026-03-02T18:00"))).isFalse();
        }

        @Test
        void has2026AsPublishedByTheStateCouncil() {
            int holidays = 0;
            int makeUps = 0;
            int working = 0;
            for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
                assertThat(shipped.isWorkingDay(d)).as(d.toString()).isEqualTo(CAL.isWorkingDay(d));
                holidays += shipped.holidayName(d).isPresent() ? 1 : 0;
                makeUps += shipped.makeUpWorkingDayName(d).isPresent() ? 1 : 0;
                working += shipped.isWorkingDay(d) ? 1 : 0;
            }
            assertThat(holidays).isEqualTo(3 + 9 + 3 + 5 + 3 + 3 + 7);
            assertThat(makeUps).isEqualTo(6);
            assertThat(working).isEqualTo(248);
            assertThat(shipped.holidayName(LocalDate.of(2026, 2, 17))).hasValueSatisfying(
                    name -> assertThat(name).contains("春节").contains("Spring Festival"));
        }

        /** 13 statutory days off, 7 of them on weekdays: 261 weekdays - 7 = 254 working days. */
        @Test
        void has2027StatutoryDaysOff() {
            long holidays = LocalDate.of(2027, 1, 1).datesUntil(LocalDate.of(2028, 1, 1))
                    .filter(d -> shipped.holidayName(d).isPresent()).count();
            long working = LocalDate.of(2027, 1, 1).datesUntil(LocalDate.of(2028, 1, 1)).filter(shipped::isWorkingDay).count();
            assertThat(holidays).isEqualTo(1 + 4 + 1 + 2 + 1 + 1 + 3);
            assertThat(working).isEqualTo(254);
            // A B lead (9 business hours) arriving at 17:00 on the Thursday before the Spring Festival is due on Tuesday.
            assertThat(shipped.addBusinessTime(ZonedDateTime.of(2027, 2, 4, 17, 0, 0, 0, SHANGHAI).toInstant(), Duration.ofHours(9)))
                    .isEqualTo(ZonedDateTime.of(2027, 2, 9, 17, 0, 0, 0, SHANGHAI).toInstant());
        }
    }

    // ---------------------------------------------------------------------------------- definition errors

    private static final String HEAD = """
            zone: Asia/Shanghai
            workingDays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]
            hours: { start: "09:00", end: "18:00" }
            """;

    static Stream<Arguments> brokenDefinitions() {
        return Stream.of(
                Arguments.of("bad date", HEAD + """
                        holidays:
                          - { name: "春节 Spring Festival", from: 2026-02-30, to: 2026-03-01 }
                        """, 5, new String[] {"holidays entry #1 \"春节 Spring Festival\"", "from", "2026-02-30",
                        "YYYY-MM-DD"}),
                Arguments.of("to before from", HEAD + """
                        holidays:
                          - { name: "元旦 New Year's Day", from: 2026-01-01, to: 2026-01-03 }
                          - name: "国庆节 National Day"
                            from: 2026-10-07
                            to: 2026-10-01
                        """, 8, new String[] {"holidays entry #2 \"国庆节 National Day\"", "2026-10-01",
                        "before", "2026-10-07"}),
                Arguments.of("end not after start", """
                        zone: Asia/Shanghai
                        workingDays: [MONDAY]
                        hours:
                          start: "18:00"
                          end: "09:00"
                        """, 5, new String[] {"hours", "end 09:00 must be after start 18:00"}),
                Arguments.of("end equal to start", """
                        zone: Asia/Shanghai
                        workingDays: [MONDAY]
                        hours: { start: "09:00", end: "09:00" }
                        """, 3, new String[] {"hours", "must be after"}),
                Arguments.of("unknown weekday", """
                        zone: Asia/Shanghai
                        workingDays:
                          - MONDAY
                          - FUNDAY
                        hours: { start: "09:00", end: "18:00" }
                        """, 4, new String[] {"workingDays", "unknown weekday 'FUNDAY'"}),
                Arguments.of("holiday and make-up day at once", HEAD + """
                        holidays:
                          - { name: "国庆节 National Day", from: 2026-10-01, to: 2026-10-07 }
                        makeUpWorkingDays:
                          - { name: "国庆节调休 National Day make-up day", date: 2026-10-10 }
                          - { name: "错误 Wrong make-up day", date: 2026-10-03 }
                        """, 8, new String[] {"makeUpWorkingDays entry #2 \"错误 Wrong make-up day\"",
                        "2026-10-03", "holidays entry #1 \"国庆节 National Day\""}),
                Arguments.of("unknown zone", """
                        zone: Asia/Shangai
                        workingDays: [MONDAY]
                        hours: { start: "09:00", end: "18:00" }
                        """, 1, new String[] {"zone", "'Asia/Shangai'"}),
                Arguments.of("no working days", """
                        zone: Asia/Shanghai
                        workingDays: []
                        hours: { start: "09:00", end: "18:00" }
                        """, 2, new String[] {"workingDays", "at least one day"}),
                Arguments.of("misspelt field", HEAD + """
                        makeupWorkingDays:
                          - { name: "元旦调休", date: 2026-01-04 }
                        """, 4, new String[] {"unknown field 'makeupWorkingDays'", "makeUpWorkingDays"}),
                Arguments.of("entry without name", HEAD + """
                        holidays:
                          - { from: 2026-01-01, to: 2026-01-03 }
                        """, 5, new String[] {"holidays entry #1", "name is missing"}),
                Arguments.of("time that is not a time", """
                        zone: Asia/Shanghai
                        workingDays: [MONDAY]
                        hours: { start: "9h", end: "18:00" }
                        """, 3, new String[] {"hours: start", "'9h'"}),
                Arguments.of("missing hours", """
                        zone: Asia/Shanghai
                        workingDays: [MONDAY]
                        """, 1, new String[] {"hours is missing"}),
                Arguments.of("broken YAML", """
                        zone: Asia/Shanghai
                        workingDays: [MONDAY, TUESDAY
                        hours: { start: "09:00", end: "18:00" }
                        """, 3, new String[] {"not valid YAML"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDefinitions")
    void rejectsBrokenDefinitionsNamingTheEntryAndLine(String why, String yaml, int line, String[] fragments) {
        CalendarDefinitionException e = catchThrowableOfType(CalendarDefinitionException.class,
                () -> BusinessCalendar.parse(yaml));
        assertThat(e).as(why).isNotNull();
        assertThat(e.getMessage()).contains(fragments).contains("(line " + line + ")");
        assertThat(e.line()).isEqualTo(line);
    }

    @Test
    void rejectsAnEmptyDefinition() {
        assertThatThrownBy(() -> BusinessCalendar.parse("# nothing here\n"))
                .isInstanceOf(CalendarDefinitionException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void loadPutsTheFileNameInFrontOfTheMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("business-calendar.yaml");
        Files.writeString(file, "zone: Mars/Olympus\nworkingDays: [MONDAY]\nhours: {start: \"09:00\", end: \"18:00\"}\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BusinessCalendar.load(file))
                .isInstanceOf(CalendarDefinitionException.class)
                .hasMessageStartingWith(file + ": zone")
                .hasMessageEndingWith("(line 1)");
    }
}
