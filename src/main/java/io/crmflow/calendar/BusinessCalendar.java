package io.crmflow.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Working days and opening hours in one time zone, with public holidays and make-up working days (调休).
 * Every "business hours" deadline in crmflow (lead follow-up, ticket SLA, Camunda timer due dates) is
 * computed with it.
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>A date is a working day when its weekday is one of the working days and it is not a holiday, or when
 *       it is a make-up working day. A make-up day is worked with the ordinary hours.</li>
 *   <li>Business time on a working day is the half-open interval [opening, closing) in the calendar's zone:
 *       09:00 is business time, 18:00 is not. There is no lunch break. Durations are real elapsed time, so a
 *       daylight-saving change inside the hours of a zone that has one shortens or lengthens that day.</li>
 *   <li>{@link #addBusinessTime} returns the <em>earliest</em> instant at which the amount has elapsed. That may
 *       be a closing time: Monday 09:00 + 9 h is Monday 18:00, not Tuesday 09:00. A deadline "by close of
 *       business" reads naturally that way, and it keeps {@link #businessTimeBetween} an exact inverse.</li>
 *   <li>A positive amount counted from outside business hours starts at the next opening. A zero amount returns
 *       the start unchanged, wherever it lies: nothing has to elapse, so nothing should move. A negative amount
 *       is rejected.</li>
 * </ul>
 * For every start {@code s} and amount {@code d >= 0}: {@code businessTimeBetween(s, addBusinessTime(s, d))}
 * equals {@code d}.
 *
 * <h2>Cost</h2>
 * Both calculations walk day by day only near their ends and near holidays, make-up days and offset changes of
 * the zone; in between they jump over whole ordinary weeks at once. A 4-hour deadline touches a handful of days,
 * a year-long span a few dozen.
 *
 * <p>Instances are immutable and safe to share between threads. {@link #alwaysOpen(ZoneId)} gives the 24×7
 * calendar used where the clock never stops (P1 tickets), so callers can treat both cases alike.
 */
public final class BusinessCalendar {

    private static final int SECONDS_PER_DAY = 86_400;
    /** A longer holiday is almost certainly a typo in a year; refusing it also bounds the work of parsing. */
    private static final int MAX_ENTRY_DAYS = 366;
    /** Only reachable through a definition that leaves no business time for years; fail rather than spin. */
    private static final int MAX_IDLE_DAYS = 3_700;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final ZoneId zone;
    private final ZoneRules rules;
    private final Set<DayOfWeek> workingDays;
    private final boolean[] worksOn;
    private final int openSecond;
    /** Up to 86 400: closing at 24:00 means the start of the next day. */
    private final int closeSecond;
    private final LocalTime openTime;
    private final LocalTime closeTime;
    private final Map<LocalDate, String> holidays;
    private final Map<LocalDate, String> makeUpDays;
    /** Holidays and make-up days together: the only dates where a week may differ from an ordinary one. */
    private final NavigableSet<LocalDate> specialDates;
    private final Duration ordinaryWeek;
    private final boolean alwaysOpen;

    private BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, int openSecond, int closeSecond,
                             Map<LocalDate, String> holidays, Map<LocalDate, String> makeUpDays) {
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("no working days");
        }
        if (openSecond < 0 || closeSecond > SECONDS_PER_DAY || closeSecond <= openSecond) {
            throw new IllegalArgumentException("bad hours " + openSecond + ".." + closeSecond);
        }
        this.zone = zone;
        this.rules = zone.getRules();
        this.workingDays = Collections.unmodifiableSet(EnumSet.copyOf(workingDays));
        this.worksOn = new boolean[7];
        for (DayOfWeek d : workingDays) {
            worksOn[d.ordinal()] = true;
        }
        this.openSecond = openSecond;
        this.closeSecond = closeSecond;
        this.openTime = LocalTime.ofSecondOfDay(openSecond);
        this.closeTime = closeSecond == SECONDS_PER_DAY ? null : LocalTime.ofSecondOfDay(closeSecond);
        this.holidays = Map.copyOf(holidays);
        this.makeUpDays = Map.copyOf(makeUpDays);
        TreeSet<LocalDate> special = new TreeSet<>(holidays.keySet());
        special.addAll(makeUpDays.keySet());
        this.specialDates = Collections.unmodifiableNavigableSet(special);
        this.ordinaryWeek = Duration.ofSeconds((long) (closeSecond - openSecond) * workingDays.size());
        this.alwaysOpen = workingDays.size() == 7 && openSecond == 0 && closeSecond == SECONDS_PER_DAY
                && holidays.isEmpty();
    }

    // ------------------------------------------------------------------------------------------ factories

    /** A calendar in which every instant is business time; adding business time is plain addition. */
    public static BusinessCalendar alwaysOpen(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return new BusinessCalendar(zone, EnumSet.allOf(DayOfWeek.class), 0, SECONDS_PER_DAY, Map.of(), Map.of());
    }

    /**
     * Reads a calendar definition in the format of {@code rules/business-calendar.yaml}.
     *
     * @throws CalendarDefinitionException naming the offending entry or field, with its line
     */
    public static BusinessCalendar parse(String yaml) {
        Objects.requireNonNull(yaml, "yaml");
        return new DefinitionReader().read(yaml);
    }

    /**
     * Reads a calendar definition file (UTF-8). Definition errors carry the file name in their message.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public static BusinessCalendar load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read business calendar " + file, e);
        }
        try {
            return parse(text);
        } catch (CalendarDefinitionException e) {
            throw new CalendarDefinitionException(file + ": " + e.description(), e.line(), e);
        }
    }

    // ------------------------------------------------------------------------------------------ queries

    public ZoneId zone() {
        return zone;
    }

    /** The weekdays worked in an ordinary week (holidays and make-up days aside). */
    public Set<DayOfWeek> workingDays() {
        return workingDays;
    }

    /** The name of the holiday covering {@code date}, if any (also for holiday dates that fall on a weekend). */
    public Optional<String> holidayName(LocalDate date) {
        return Optional.ofNullable(holidays.get(date));
    }

    /** The name of the make-up working day on {@code date}, if it is one. */
    public Optional<String> makeUpWorkingDayName(LocalDate date) {
        return Optional.ofNullable(makeUpDays.get(date));
    }

    /** Whether people work on {@code date}: an ordinary working weekday that is not a holiday, or a make-up day. */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (worksOn[date.getDayOfWeek().ordinal()]) {
            return !holidays.containsKey(date);
        }
        return makeUpDays.containsKey(date);
    }

    /** Whether {@code instant} falls inside the opening hours of a working day (opening included, closing not). */
    public boolean isBusinessTime(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (alwaysOpen) {
            return true;
        }
        LocalDate day = instant.atZone(zone).toLocalDate();
        return isWorkingDay(day) && !instant.isBefore(opening(day)) && instant.isBefore(closing(day));
    }

    /** {@code instant} itself if it is business time, otherwise the next opening. */
    public Instant nextBusinessTime(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (alwaysOpen) {
            return instant;
        }
        LocalDate day = instant.atZone(zone).toLocalDate();
        for (int idle = 0; idle <= MAX_IDLE_DAYS; idle++, day = day.plusDays(1)) {
            if (isWorkingDay(day) && instant.isBefore(closing(day))) {
                Instant open = opening(day);
                return instant.isAfter(open) ? instant : open;
            }
        }
        throw noBusinessTimeAfter(instant);
    }

    /**
     * The earliest instant at which {@code amount} of business time has elapsed, counting from {@code start}.
     * See the class comment for closing times, starts outside business hours and zero amounts.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public Instant addBusinessTime(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("business time to add must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        if (alwaysOpen) {
            return start.plus(amount);
        }
        Duration remaining = amount;
        LocalDate day = start.atZone(zone).toLocalDate();
        // Only the first day can begin part-way; every later day is counted from its opening.
        Instant notBefore = start;
        int daysWithoutBusinessTime = 0;
        while (true) {
            if (notBefore == null && remaining.compareTo(ordinaryWeek) > 0) {
                // Leave strictly more than zero for the day-by-day walk, so a result on a closing time is
                // found by the same code as any other.
                long weeks = ordinaryWeeksFrom(day, remaining.minusNanos(1).dividedBy(ordinaryWeek));
                if (weeks > 0) {
                    remaining = remaining.minus(ordinaryWeek.multipliedBy(weeks));
                    day = day.plusWeeks(weeks);
                    daysWithoutBusinessTime = 0;
                }
            }
            if (isWorkingDay(day)) {
                Instant open = opening(day);
                Instant close = closing(day);
                Instant begin = notBefore != null && notBefore.isAfter(open) ? notBefore : open;
                if (begin.isBefore(close)) {
                    Duration available = Duration.between(begin, close);
                    if (remaining.compareTo(available) <= 0) {
                        return begin.plus(remaining);
                    }
                    remaining = remaining.minus(available);
                    daysWithoutBusinessTime = -1;
                }
            }
            if (++daysWithoutBusinessTime > MAX_IDLE_DAYS) {
                throw noBusinessTimeAfter(start);
            }
            day = day.plusDays(1);
            notBefore = null;
        }
    }

    /** The business time inside [{@code from}, {@code to}); zero when {@code to} is not after {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            return Duration.ZERO;
        }
        if (alwaysOpen) {
            return Duration.between(from, to);
        }
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        Duration total = Duration.ZERO;
        boolean first = true;
        while (!day.isAfter(last)) {
            if (!first) {
                // Weeks that end before the last day lie wholly inside the interval.
                long whole = ChronoUnit.DAYS.between(day, last) / 7;
                if (whole > 0) {
                    long weeks = ordinaryWeeksFrom(day, whole);
                    total = total.plus(ordinaryWeek.multipliedBy(weeks));
                    day = day.plusWeeks(weeks);
                }
            }
            if (isWorkingDay(day)) {
                Instant open = opening(day);
                Instant close = closing(day);
                Instant lo = from.isAfter(open) ? from : open;
                Instant hi = to.isBefore(close) ? to : close;
                if (lo.isBefore(hi)) {
                    total = total.plus(Duration.between(lo, hi));
                }
            }
            day = day.plusDays(1);
            first = false;
        }
        return total;
    }

    // ------------------------------------------------------------------------------------------ internals

    /** When business starts on that day (whether or not it is a working day): the moment day-based reminders are due. */
    public Instant opening(LocalDate day) {
        return ZonedDateTime.of(day, openTime, zone).toInstant();
    }

    private Instant closing(LocalDate day) {
        return closeTime == null
                ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : ZonedDateTime.of(day, closeTime, zone).toInstant();
    }

    /**
     * How many of the {@code wanted} weeks starting at {@code day} are ordinary: no holiday or make-up day in
     * them and no change of UTC offset, so each holds exactly {@link #ordinaryWeek} of business time.
     */
    private long ordinaryWeeksFrom(LocalDate day, long wanted) {
        long weeks = wanted;
        LocalDate special = specialDates.ceiling(day);
        if (special != null) {
            weeks = Math.min(weeks, ChronoUnit.DAYS.between(day, special) / 7);
        }
        if (weeks > 0) {
            // Searching from a day earlier also catches a transition at the very start of `day`, which
            // atStartOfDay would otherwise hide inside a gap.
            ZoneOffsetTransition next = rules.nextTransition(day.minusDays(1).atStartOfDay(zone).toInstant());
            if (next != null) {
                // Days before the earlier of the two local readings of the transition cannot contain it. The
                // earlier one matters for an overlap at midnight: the repeated hour belongs to the day before.
                LocalDate firstAffected = next.isGap()
                        ? next.getDateTimeBefore().toLocalDate()
                        : next.getDateTimeAfter().toLocalDate();
                long daysBefore = ChronoUnit.DAYS.between(day, firstAffected);
                weeks = Math.min(weeks, Math.max(0, daysBefore) / 7);
            }
        }
        return weeks;
    }

    private IllegalStateException noBusinessTimeAfter(Instant instant) {
        return new IllegalStateException("business calendar has no business time within " + MAX_IDLE_DAYS
                + " days after " + instant + "; check its holidays");
    }

    private static String formatSecondOfDay(int second) {
        return second == SECONDS_PER_DAY ? "24:00" : LocalTime.ofSecondOfDay(second).toString();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BusinessCalendar)) {
            return false;
        }
        BusinessCalendar other = (BusinessCalendar) o;
        return openSecond == other.openSecond && closeSecond == other.closeSecond && zone.equals(other.zone)
                && workingDays.equals(other.workingDays) && holidays.equals(other.holidays)
                && makeUpDays.equals(other.makeUpDays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, workingDays, openSecond, closeSecond, holidays, makeUpDays);
    }

    @Override
    public String toString() {
        return "BusinessCalendar[zone=" + zone + ", workingDays=" + workingDays + ", hours="
                + formatSecondOfDay(openSecond) + "-" + formatSecondOfDay(closeSecond) + ", holidays="
                + holidays.size() + " days, makeUpWorkingDays=" + makeUpDays.size() + " days]";
    }

    // ------------------------------------------------------------------------------------------ YAML

    /**
     * Works on SnakeYAML's node tree rather than on constructed objects: every node keeps its line, so each
     * message can point at the entry to fix, and dates stay text instead of turning into java.util.Date.
     */
    private static final class DefinitionReader {

        private static final List<String> TOP_FIELDS =
                List.of("zone", "workingDays", "hours", "holidays", "makeUpWorkingDays");
        private static final List<String> HOURS_FIELDS = List.of("start", "end");
        private static final List<String> ENTRY_FIELDS = List.of("name", "date", "from", "to");

        /** Where a special date came from, for the message when a holiday and a make-up day collide. */
        private final Map<LocalDate, String> holidaySource = new HashMap<>();

        BusinessCalendar read(String text) {
            Node root;
            try {
                // Duplicate keys are caught by fields(): compose() does not apply the loader's own check.
                root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
                String context = e.getContext() != null ? e.getContext().strip() + ": " : "";
                throw new CalendarDefinitionException("not valid YAML: " + context + problem.strip(), lineOf(mark),
                        e);
            } catch (YAMLException e) {
                throw new CalendarDefinitionException("not valid YAML: " + e.getMessage(), e);
            }
            if (root == null) {
                throw new CalendarDefinitionException("the business calendar definition is empty");
            }
            Map<String, Node> top = fields(root, "the business calendar", TOP_FIELDS);

            ZoneId zone = readZone(required(top, "zone", root, "the business calendar"));
            Set<DayOfWeek> workingDays = readWorkingDays(required(top, "workingDays", root, "the business calendar"));
            Node hoursNode = required(top, "hours", root, "the business calendar");
            Map<String, Node> hours = fields(hoursNode, "hours", HOURS_FIELDS);
            int open = readTime(required(hours, "start", hoursNode, "hours"), "hours: start", false);
            int close = readTime(required(hours, "end", hoursNode, "hours"), "hours: end", true);
            if (close <= open) {
                throw error("hours: end " + formatSecondOfDay(close) + " must be after start "
                        + formatSecondOfDay(open), hours.get("end"));
            }

            Map<LocalDate, String> holidays = new LinkedHashMap<>();
            for (Entry entry : readEntries(top.get("holidays"), "holidays")) {
                for (LocalDate d = entry.from; !d.isAfter(entry.to); d = d.plusDays(1)) {
                    holidays.putIfAbsent(d, entry.name);
                    holidaySource.putIfAbsent(d, entry.label);
                }
            }
            Map<LocalDate, String> makeUpDays = new LinkedHashMap<>();
            for (Entry entry : readEntries(top.get("makeUpWorkingDays"), "makeUpWorkingDays")) {
                for (LocalDate d = entry.from; !d.isAfter(entry.to); d = d.plusDays(1)) {
                    String holiday = holidaySource.get(d);
                    if (holiday != null) {
                        throw error(entry.label + ": " + d + " is also a holiday in " + holiday
                                + "; a day cannot be both", entry.node);
                    }
                    makeUpDays.putIfAbsent(d, entry.name);
                }
            }
            return new BusinessCalendar(zone, workingDays, open, close, holidays, makeUpDays);
        }

        private static ZoneId readZone(Node node) {
            String id = scalar(node, "zone");
            try {
                return ZoneId.of(id);
            } catch (DateTimeException e) {
                throw error("zone: unknown time zone '" + id + "' (write a region such as Asia/Shanghai)", node);
            }
        }

        private static Set<DayOfWeek> readWorkingDays(Node node) {
            if (!(node instanceof SequenceNode)) {
                throw error("workingDays must be a list such as [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]",
                        node);
            }
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (Node item : ((SequenceNode) node).getValue()) {
                String text = scalar(item, "workingDays");
                DayOfWeek day;
                try {
                    day = DayOfWeek.valueOf(text.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw error("workingDays: unknown weekday '" + text + "' (use " + Arrays.toString(
                            DayOfWeek.values()).replaceAll("[\\[\\]]", "") + ")", item);
                }
                if (!days.add(day)) {
                    throw error("workingDays: " + day + " is listed twice", item);
                }
            }
            if (days.isEmpty()) {
                throw error("workingDays must list at least one day; without one no deadline could ever be"
                        + " reached", node);
            }
            return days;
        }

        /** Seconds of the day; 24:00 (86 400) is accepted only where the day may end at midnight. */
        private static int readTime(Node node, String what, boolean midnightAllowed) {
            String text = scalar(node, what).strip();
            if (midnightAllowed && text.equals("24:00")) {
                return SECONDS_PER_DAY;
            }
            try {
                return LocalTime.parse(text, TIME).toSecondOfDay();
            } catch (DateTimeParseException e) {
                throw error(what + ": '" + text + "' is not a time of day (write HH:MM, for example \"09:00\")",
                        node);
            }
        }

        private List<Entry> readEntries(Node node, String list) {
            if (node == null || isNull(node)) {
                return List.of();
            }
            if (!(node instanceof SequenceNode)) {
                throw error(list + " must be a list of entries, each starting with '- '", node);
            }
            List<Entry> entries = new ArrayList<>();
            List<Node> items = ((SequenceNode) node).getValue();
            for (int i = 0; i < items.size(); i++) {
                entries.add(readEntry(items.get(i), list + " entry #" + (i + 1)));
            }
            return entries;
        }

        private static Entry readEntry(Node node, String position) {
            Map<String, Node> f = fields(node, position, ENTRY_FIELDS);
            Node nameNode = f.get("name");
            String name = nameNode == null || isNull(nameNode) ? "" : scalar(nameNode, position + ": name").strip();
            if (name.isEmpty()) {
                throw error(position + ": name is missing (write it in Chinese and English)", node);
            }
            String label = position + " \"" + name + "\"";
            LocalDate from;
            LocalDate to;
            if (f.containsKey("date")) {
                if (f.containsKey("from") || f.containsKey("to")) {
                    throw error(label + ": give either date or from/to, not both", node);
                }
                from = date(f.get("date"), label, "date");
                to = from;
            } else if (f.containsKey("from") && f.containsKey("to")) {
                from = date(f.get("from"), label, "from");
                to = date(f.get("to"), label, "to");
                if (to.isBefore(from)) {
                    throw error(label + ": to " + to + " is before from " + from, f.get("to"));
                }
                long days = ChronoUnit.DAYS.between(from, to) + 1;
                if (days > MAX_ENTRY_DAYS) {
                    throw error(label + ": covers " + days + " days; at most " + MAX_ENTRY_DAYS
                            + " are allowed in one entry", f.get("to"));
                }
            } else {
                throw error(label + ": needs a date, or both from and to", node);
            }
            return new Entry(name, label, from, to, node);
        }

        private static LocalDate date(Node node, String label, String field) {
            String text = scalar(node, label + ": " + field).strip();
            try {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                throw error(label + ": " + field + " '" + text + "' is not a valid date (write YYYY-MM-DD)", node);
            }
        }

        private static Map<String, Node> fields(Node node, String what, List<String> allowed) {
            if (!(node instanceof MappingNode)) {
                throw error(what + " must be a set of 'field: value' pairs (" + String.join(", ", allowed) + ")",
                        node);
            }
            Map<String, Node> result = new LinkedHashMap<>();
            for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                Node keyNode = tuple.getKeyNode();
                String key = keyNode instanceof ScalarNode ? ((ScalarNode) keyNode).getValue() : null;
                if (key == null || !allowed.contains(key)) {
                    throw error(what + ": unknown field '" + (key == null ? "?" : key) + "' (expected "
                            + String.join(", ", allowed) + ")", keyNode);
                }
                if (result.put(key, tuple.getValueNode()) != null) {
                    throw error(what + ": field '" + key + "' is given twice", keyNode);
                }
            }
            return result;
        }

        private static Node required(Map<String, Node> fields, String key, Node parent, String what) {
            Node node = fields.get(key);
            if (node == null || isNull(node)) {
                throw error(what + ": " + key + " is missing", node == null ? parent : node);
            }
            return node;
        }

        private static String scalar(Node node, String what) {
            if (!(node instanceof ScalarNode) || isNull(node)) {
                throw error(what + " must be a single value", node);
            }
            return ((ScalarNode) node).getValue();
        }

        private static boolean isNull(Node node) {
            return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
        }

        private static CalendarDefinitionException error(String message, Node node) {
            return new CalendarDefinitionException(message, node == null ? -1 : lineOf(node.getStartMark()), null);
        }

        private static int lineOf(Mark mark) {
            return mark == null ? -1 : mark.getLine() + 1;
        }

        private record Entry(String name, String label, LocalDate from, LocalDate to, Node node) {
        }
    }
}
