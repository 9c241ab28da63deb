package io.crmflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.crmflow.rules.DecisionTableDiff.CellChange;
import io.crmflow.rules.DecisionTableDiff.ColumnKind;
import io.crmflow.rules.DecisionTableDiff.Table;
import io.crmflow.rules.RuleSetDiff.FileChange;
import io.crmflow.rules.RuleSetDiff.FileDiff;
import io.crmflow.rules.RuleSetDiff.Line;
import io.crmflow.rules.RuleSetVersion.Status;
import org.junit.jupiter.api.Test;

/** Differences between two versions of the shipped rule files, as the workbench shows them. */
class RuleSetDiffTest {

    private static final String WEBSITE_POINTS = "<outputEntry id=\"SourcePoints_Row3_Out\"><text>25</text></outputEntry>";

    @Test
    void aChangedCellIsShownWithItsRowAndColumnLabel() throws IOException {
        RuleFile before = shipped("lead-score.dmn");
        RuleFile after = edited(before, WEBSITE_POINTS, WEBSITE_POINTS.replace("25", "40"));

        FileDiff file = diff(List.of(before), List.of(after)).files().get(0);

        assertThat(file.change()).isEqualTo(FileChange.CHANGED);
        assertThat(file.lines()).as("tables, not lines, for a DMN file whose tables changed").isEmpty();
        assertThat(file.tables()).singleElement().satisfies(table -> {
            assertThat(table.decision()).isEqualTo("sourcePoints");
            assertThat(table.rowsAdded()).isEmpty();
            assertThat(table.rowsRemoved()).isEmpty();
            assertThat(table.rowsChanged()).singleElement().satisfies(row -> {
                assertThat(row.id()).isEqualTo("SourcePoints_Row3");
                assertThat(row.numberBefore()).isEqualTo(3);
                assertThat(row.cells()).containsExactly(new CellChange(ColumnKind.OUTPUT, "来源得分 Source points", "25", "40"));
            });
        });
    }

    @Test
    void rowsAddedAndRemovedAreListedWithAllTheirCells() throws IOException {
        RuleFile before = shipped("lead-score.dmn");
        String coldCall = before.text().substring(before.text().indexOf("<rule id=\"SourcePoints_Row6\">"),
                before.text().indexOf("<rule id=\"SourcePoints_Row7\">"));
        String fair = coldCall.replace("SourcePoints_Row6", "SourcePoints_Fair").replace("\"COLD_CALL\"", "\"FAIR\"")
                .replace("陌生拜访 Cold call", "集市 Fair");
        // Cold calls out, a new source in: a row removed and one added, not one row changed, as their ids differ.
        RuleFile after = edited(before, coldCall, fair);

        Table table = diff(List.of(before), List.of(after)).files().get(0).tables().get(0);

        assertThat(table.rowsChanged()).isEmpty();
        assertThat(table.rowsRemoved()).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo("SourcePoints_Row6");
            assertThat(row.cells()).extracting(DecisionTableDiff.Cell::value).containsExactly("\"COLD_CALL\"", "10", "陌生拜访 Cold call");
        });
        assertThat(table.rowsAdded()).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo(6);
            assertThat(row.cells()).extracting(DecisionTableDiff.Cell::column)
                    .containsExactly("线索来源 Lead source", "来源得分 Source points", "annotation");
        });
    }

    @Test
    void rowsWhoseIdsChangedAreMatchedByTheirConditions() throws IOException {
        RuleFile before = shipped("lead-score.dmn");
        // As a file saved by another tool might be: every row of the table has a new id, and one result differs.
        String renumbered = before.text().replaceAll("SourcePoints_Row(\\d)", "Rule_$1x")
                .replace("<outputEntry id=\"Rule_3x_Out\"><text>25</text>", "<outputEntry id=\"Rule_3x_Out\"><text>35</text>");
        RuleFile after = new RuleFile("lead-score.dmn", renumbered.getBytes(StandardCharsets.UTF_8));

        Table table = diff(List.of(before), List.of(after)).files().get(0).tables().get(0);

        assertThat(table.rowsAdded()).isEmpty();
        assertThat(table.rowsRemoved()).isEmpty();
        assertThat(table.rowsChanged()).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo("Rule_3x");
            assertThat(row.cells()).extracting(CellChange::before, CellChange::after).containsExactly(tuple("25", "35"));
        });
    }

    @Test
    void otherFilesShowTheirChangedLinesWithNumbersAndContext() throws IOException {
        RuleFile before = shipped("lead-assignment.drl");
        List<String> lines = before.text().lines().toList();
        int changedLine = lines.size() / 2;
        String changed = String.join("\n", lines.subList(0, changedLine - 1)) + "\n// a note of the rules owner\n"
                + String.join("\n", lines.subList(changedLine, lines.size())) + "\n";
        RuleFile after = new RuleFile(before.name(), changed.getBytes(StandardCharsets.UTF_8));
        RuleFile calendar = shipped("business-calendar.yaml");

        List<FileDiff> files = diff(List.of(before, calendar), List.of(after, calendar, new RuleFile("extra.yaml", "a: 1\n".getBytes(StandardCharsets.UTF_8)))).files();

        assertThat(files).extracting(FileDiff::name, FileDiff::change).containsExactly(
                tuple("business-calendar.yaml", FileChange.UNCHANGED),
                tuple("extra.yaml", FileChange.ADDED),
                tuple("lead-assignment.drl", FileChange.CHANGED));
        List<Line> drl = files.get(2).lines();
        assertThat(drl).filteredOn(line -> line.kind() == '-').singleElement().satisfies(line -> {
            assertThat(line.before()).isEqualTo(changedLine);
            assertThat(line.after()).isNull();
            assertThat(line.text()).isEqualTo(lines.get(changedLine - 1));
        });
        assertThat(drl).filteredOn(line -> line.kind() == '+').singleElement().satisfies(line -> {
            assertThat(line.after()).isEqualTo(changedLine);
            assertThat(line.text()).isEqualTo("// a note of the rules owner");
        });
        assertThat(drl).filteredOn(line -> line.kind() == ' ').hasSize(6);
        assertThat(files.get(1).lines()).singleElement().isEqualTo(new Line('+', null, 1, "a: 1", false));
    }

    private static RuleSetDiff diff(List<RuleFile> before, List<RuleFile> after) {
        return RuleSetDiff.between(version(1), before, version(2), after);
    }

    private static RuleSetVersion version(long id) {
        return new RuleSetVersion(id, "v" + id, Status.CANDIDATE, null, List.of(), "rui", Instant.EPOCH, null, null);
    }

    private static RuleFile shipped(String name) throws IOException {
        return new RuleFile(name, Files.readAllBytes(Path.of("rules", name)));
    }

    private static RuleFile edited(RuleFile file, String find, String replacement) {
        assertThat(file.text()).contains(find);
        return new RuleFile(file.name(), file.text().replace(find, replacement).getBytes(StandardCharsets.UTF_8));
    }
}
