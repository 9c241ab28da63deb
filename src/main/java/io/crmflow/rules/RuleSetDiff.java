package io.crmflow.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

/**
 * What changed between two stored versions, file by file (docs/product.md §15): for a DMN file the rows of each decision table
 * ({@link DecisionTableDiff}), for any other file (and a DMN file whose tables are equal, e.g. a changed literal
 * expression) the changed lines with a few lines around them, as java-diff-utils finds them.
 *
 * @param from the older side's sequence number, {@code to} the newer one's
 */
record RuleSetDiff(long from, String fromVersion, long to, String toVersion, List<FileDiff> files) {

    /** Lines of unchanged text shown around each change. */
    private static final int CONTEXT_LINES = 3;
    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@.*");

    enum FileChange { ADDED, REMOVED, CHANGED, UNCHANGED }

    /** One file; {@code tables} for DMN files, {@code lines} (hunks of a unified diff) for the others. */
    record FileDiff(String name, FileChange change, List<DecisionTableDiff.Table> tables, List<Line> lines) {
    }

    /**
     * One line of a hunk: {@code kind} ' ' (context), '-' (only in the older version) or '+' (only in the newer one), with
     * its number in the older and the newer file (null where it is not in that file). The first line of each hunk after
     * the first has {@code gap} true: lines were left out before it.
     */
    record Line(char kind, Integer before, Integer after, String text, boolean gap) {
    }

    static RuleSetDiff between(RuleSetVersion older, List<RuleFile> olderFiles, RuleSetVersion newer, List<RuleFile> newerFiles) {
        Map<String, RuleFile> before = RuleFile.byName(olderFiles);
        Map<String, RuleFile> after = RuleFile.byName(newerFiles);
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<FileDiff> files = names.stream().map(name -> file(name, before.get(name), after.get(name))).toList();
        return new RuleSetDiff(older.id(), older.version(), newer.id(), newer.version(), files);
    }

    private static FileDiff file(String name, RuleFile before, RuleFile after) {
        RuleFile empty = new RuleFile(name, new byte[0]);
        if (before != null && after != null && Arrays.equals(before.content(), after.content())) {
            return new FileDiff(name, FileChange.UNCHANGED, List.of(), List.of());
        }
        FileChange change = before == null ? FileChange.ADDED : after == null ? FileChange.REMOVED : FileChange.CHANGED;
        RuleFile older = before == null ? empty : before;
        RuleFile newer = after == null ? empty : after;
        List<DecisionTableDiff.Table> tables = name.endsWith(".dmn") ? DecisionTableDiff.between(older, newer) : List.of();
        return new FileDiff(name, change, tables, tables.isEmpty() ? lines(older, newer) : List.of());
    }

    private static List<Line> lines(RuleFile before, RuleFile after) {
        List<String> old = before.content().length == 0 ? List.of() : before.text().lines().toList();
        List<String> current = after.content().length == 0 ? List.of() : after.text().lines().toList();
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(before.name(), after.name(), old, DiffUtils.diff(old, current),
                CONTEXT_LINES);
        List<Line> lines = new ArrayList<>();
        int oldNumber = 0;
        int newNumber = 0;
        boolean gap = false;
        // The first two lines name the files (--- and +++); then each hunk's header and its lines.
        for (String line : unified.subList(Math.min(2, unified.size()), unified.size())) {
            Matcher hunk = HUNK.matcher(line);
            if (hunk.matches()) {
                oldNumber = Integer.parseInt(hunk.group(1));
                newNumber = Integer.parseInt(hunk.group(2));
                gap = !lines.isEmpty();
                continue;
            }
            char kind = line.isEmpty() ? ' ' : line.charAt(0);
            String text = line.isEmpty() ? "" : line.substring(1);
            lines.add(new Line(kind, kind == '+' ? null : oldNumber, kind == '-' ? null : newNumber, text, gap));
            gap = false;
            if (kind != '+') {
                oldNumber++;
            }
            if (kind != '-') {
                newNumber++;
            }
        }
        return lines;
    }
}
