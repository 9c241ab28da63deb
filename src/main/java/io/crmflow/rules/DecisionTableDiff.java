package io.crmflow.rules;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import io.crmflow.rules.RuleSetDiff.FileChange;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The rows of the decision tables of two versions of a DMN file, compared table by table (docs/product.md §15). Rows are
 * matched by their id, which dmn-js and Camunda Modeler keep while a row is edited; rows whose ids differ are matched
 * when all their cells are equal (a row only moved or re-created), then when their input cells are equal (the same
 * condition deciding something else). Cells are compared column by column, columns matched by id, else by label.
 */
final class DecisionTableDiff {

    /** Why a cell is in a column: a condition (input), a result (output) or the row's annotation. */
    enum ColumnKind { INPUT, OUTPUT, ANNOTATION }

    /** A decision table and how its rows changed; {@code change} ADDED/REMOVED when the whole table is new or gone. */
    record Table(String decisionId, String decision, FileChange change, List<String> columnsAdded, List<String> columnsRemoved,
                 List<Row> rowsAdded, List<Row> rowsRemoved, List<ChangedRow> rowsChanged) {

        boolean unchanged() {
            return change == FileChange.UNCHANGED && columnsAdded.isEmpty() && columnsRemoved.isEmpty() && rowsAdded.isEmpty()
                    && rowsRemoved.isEmpty() && rowsChanged.isEmpty();
        }
    }

    /** @param number the row's position (1-based) in its version of the table */
    record Row(String id, int number, List<Cell> cells) {
    }

    record Cell(ColumnKind kind, String column, String value) {
    }

    record ChangedRow(String id, int numberBefore, int numberAfter, List<CellChange> cells) {
    }

    record CellChange(ColumnKind kind, String column, String before, String after) {
    }

    private DecisionTableDiff() {
    }

    /** The decision tables of both files, in the order of the newer one, tables removed at the end; unchanged tables left out. */
    static List<Table> between(RuleFile before, RuleFile after) {
        Map<String, ParsedTable> old = tables(before);
        Map<String, ParsedTable> current = tables(after);
        List<Table> tables = new ArrayList<>();
        current.forEach((key, table) -> {
            ParsedTable previous = old.get(key);
            Table compared = previous == null ? whole(table, FileChange.ADDED) : compare(previous, table);
            if (!compared.unchanged()) {
                tables.add(compared);
            }
        });
        old.forEach((key, table) -> {
            if (!current.containsKey(key)) {
                tables.add(whole(table, FileChange.REMOVED));
            }
        });
        return tables;
    }

    private static Table whole(ParsedTable table, FileChange change) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            rows.add(table.row(i, table.columns()));
        }
        return new Table(table.decisionId(), table.decision(), change, List.of(), List.of(),
                change == FileChange.ADDED ? rows : List.of(), change == FileChange.REMOVED ? rows : List.of(), List.of());
    }

    private static Table compare(ParsedTable before, ParsedTable after) {
        // Columns of the old table mapped onto the new one's; those without a partner are added or removed.
        Map<Column, Column> columns = new LinkedHashMap<>();
        for (Column column : before.columns()) {
            after.columns().stream().filter(candidate -> candidate.id() != null && candidate.id().equals(column.id())).findFirst()
                    .or(() -> after.columns().stream().filter(candidate -> candidate.kind() == column.kind()
                            && candidate.label().equals(column.label()) && !columns.containsValue(candidate)).findFirst())
                    .ifPresent(partner -> columns.put(column, partner));
        }
        List<String> removedColumns = before.columns().stream().filter(column -> !columns.containsKey(column)).map(Column::label).toList();
        List<String> addedColumns = after.columns().stream().filter(column -> !columns.containsValue(column)).map(Column::label).toList();

        List<Integer> oldRows = indexes(before.rows().size());
        List<Integer> newRows = indexes(after.rows().size());
        Map<Integer, Integer> pairs = new LinkedHashMap<>();
        pair(oldRows, newRows, pairs, (o, n) -> before.rows().get(o).id() != null && before.rows().get(o).id().equals(after.rows().get(n).id()));
        pair(oldRows, newRows, pairs, (o, n) -> sameCells(before, o, after, n, columns, kind -> true));
        pair(oldRows, newRows, pairs, (o, n) -> sameCells(before, o, after, n, columns, kind -> kind == ColumnKind.INPUT));

        List<ChangedRow> changed = new ArrayList<>();
        pairs.forEach((o, n) -> {
            List<CellChange> cells = new ArrayList<>();
            columns.forEach((oldColumn, newColumn) -> {
                String was = before.rows().get(o).cell(oldColumn);
                String is = after.rows().get(n).cell(newColumn);
                if (!Objects.equals(was, is)) {
                    cells.add(new CellChange(newColumn.kind(), newColumn.label(), was, is));
                }
            });
            if (!cells.isEmpty()) {
                changed.add(new ChangedRow(after.rows().get(n).id(), o + 1, n + 1, cells));
            }
        });
        changed.sort((a, b) -> Integer.compare(a.numberAfter(), b.numberAfter()));
        return new Table(after.decisionId(), after.decision(), FileChange.UNCHANGED, addedColumns, removedColumns,
                newRows.stream().map(n -> after.row(n, after.columns())).toList(),
                oldRows.stream().map(o -> before.row(o, before.columns())).toList(), changed);
    }

    private static boolean sameCells(ParsedTable before, int o, ParsedTable after, int n, Map<Column, Column> columns,
                                     Predicate<ColumnKind> compared) {
        return columns.entrySet().stream().filter(column -> compared.test(column.getKey().kind()))
                .allMatch(column -> Objects.equals(before.rows().get(o).cell(column.getKey()), after.rows().get(n).cell(column.getValue())));
    }

    /** Pairs each still unpaired old row with the first unpaired new row that {@code matches}, removing both from the lists. */
    private static void pair(List<Integer> oldRows, List<Integer> newRows, Map<Integer, Integer> pairs,
                             BiPredicate<Integer, Integer> matches) {
        for (Iterator<Integer> old = oldRows.iterator(); old.hasNext(); ) {
            int o = old.next();
            Optional<Integer> partner = newRows.stream().filter(n -> matches.test(o, n)).findFirst();
            if (partner.isPresent()) {
                pairs.put(o, partner.get());
                newRows.remove(partner.get());
                old.remove();
            }
        }
    }

    private static List<Integer> indexes(int size) {
        List<Integer> indexes = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            indexes.add(i);
        }
        return indexes;
    }

    private record Column(String id, ColumnKind kind, String label, int index) {
    }

    private record ParsedRow(String id, List<String> cells) {

        String cell(Column column) {
            return column.index() < cells.size() ? cells.get(column.index()) : null;
        }
    }

    private record ParsedTable(String decisionId, String decision, List<Column> columns, List<ParsedRow> rows) {

        Row row(int index, List<Column> shown) {
            ParsedRow row = rows.get(index);
            return new Row(row.id(), index + 1, shown.stream().map(column -> new Cell(column.kind(), column.label(), row.cell(column))).toList());
        }
    }

    /** The decision tables of a DMN file by decision id (else name); a file that is not DMN XML has none. */
    private static Map<String, ParsedTable> tables(RuleFile file) {
        Map<String, ParsedTable> tables = new LinkedHashMap<>();
        Element definitions;
        try {
            definitions = ModelerDmnNormalizer.parse(file.content()).getDocumentElement();
        } catch (Exception unreadable) {
            return tables;
        }
        for (Element table : ModelerDmnNormalizer.children(definitions.getElementsByTagNameNS("*", "decisionTable"))) {
            Element decision = table.getParentNode() instanceof Element parent ? parent : table;
            String decisionId = decision.getAttribute("id").isEmpty() ? decision.getAttribute("name") : decision.getAttribute("id");
            String name = firstNonBlank(decision.getAttribute("name"), decision.getAttribute("label"), decisionId);
            List<Column> columns = new ArrayList<>();
            for (Element input : children(table, "input")) {
                String expression = children(input, "inputExpression").stream().flatMap(e -> children(e, "text").stream())
                        .map(Element::getTextContent).findFirst().orElse("");
                columns.add(new Column(blankToNull(input.getAttribute("id")), ColumnKind.INPUT,
                        firstNonBlank(input.getAttribute("label"), expression.strip(), "input " + (columns.size() + 1)), columns.size()));
            }
            for (Element output : children(table, "output")) {
                columns.add(new Column(blankToNull(output.getAttribute("id")), ColumnKind.OUTPUT,
                        firstNonBlank(output.getAttribute("label"), output.getAttribute("name"), "output " + (columns.size() + 1)), columns.size()));
            }
            columns.add(new Column("(annotation)", ColumnKind.ANNOTATION, "annotation", columns.size()));
            List<ParsedRow> rows = children(table, "rule").stream().map(rule -> {
                List<String> cells = new ArrayList<>();
                children(rule, "inputEntry").forEach(entry -> cells.add(text(entry)));
                children(rule, "outputEntry").forEach(entry -> cells.add(text(entry)));
                cells.add(children(rule, "description").stream().map(Element::getTextContent).map(String::strip).findFirst().orElse(""));
                return new ParsedRow(blankToNull(rule.getAttribute("id")), cells);
            }).toList();
            tables.put(decisionId, new ParsedTable(decisionId, name, columns, rows));
        }
        return tables;
    }

    /** A cell as a rules owner reads it: its expression text, trimmed; an empty input cell is "-" either way. */
    private static String text(Element entry) {
        String text = children(entry, "text").stream().map(Element::getTextContent).map(String::strip).findFirst().orElse("");
        return text.isEmpty() && "inputEntry".equals(entry.getLocalName()) ? "-" : text;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
