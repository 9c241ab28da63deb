package io.crmflow.handover;

import java.util.List;
import java.util.stream.Stream;

/** What a handover would move: every open record of the rep with its proposed successor, and the rep's other open tasks. */
public record HandoverPreview(String rep, List<Row> records, List<OpenTask> tasks) {

    /**
     * One record. {@code proposedSuccessor} is the assignment rules' choice with its {@code match} % and the successor's
     * {@code openLeads} against {@code capacity}; for a record that moves with another ({@code follows}), that one's successor.
     */
    public record Row(String key, String type, long id, String label, String region, String follows, List<String> processInstanceIds,
                      String proposedSuccessor, Integer match, Integer openLeads, Integer capacity) {

        static Row of(OpenRecord record, SuccessorRules.ProposedSuccessor proposed) {
            return new Row(record.key(), record.type(), record.id(), record.label(), record.region(), record.follows(), record.processInstanceIds(),
                    proposed == null ? null : proposed.userId(), proposed == null ? null : proposed.match(),
                    proposed == null ? null : proposed.openLeads(), proposed == null ? null : proposed.capacity());
        }

        Row withSuccessor(String successor) {
            return new Row(key, type, id, label, region, follows, processInstanceIds, successor, null, null, null);
        }

        String line() {
            return key + "  " + label + (region == null ? "" : " (" + region + ")") + "  → " + (proposedSuccessor == null ? "?" : proposedSuccessor)
                    + (match == null ? (follows == null ? "" : "  (随 with " + follows + ")") : "  (" + match + " %, " + openLeads + "/" + capacity + ")");
        }
    }

    /** An open task of the rep outside the records above; it goes to the default successor unless one is named for it. */
    public record OpenTask(String taskId, String name, String processInstanceId) {
    }

    /**
     * The preview as text, one line per record and task, for the Tasklist form; a long book is cut where a process variable
     * ends (4 000 characters), saying how many more lines the API lists.
     */
    String text() {
        return lines(Stream.concat(records.stream().map(Row::line), tasks.stream().map(task -> "task:" + task.taskId() + "  " + task.name() + "  → ?"))
                .toList(), "GET /api/handovers/{id}");
    }

    /** {@code lines} joined, as many as fit in {@link #MAX_TEXT} characters, then how many more there are and where to find them. */
    static String lines(List<String> lines, String where) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (text.length() + lines.get(i).length() + 1 > MAX_TEXT) {
                return text.append("… 另有 ").append(lines.size() - i).append(" 条 and ").append(lines.size() - i).append(" more: ")
                        .append(where).toString();
            }
            text.append(lines.get(i)).append('\n');
        }
        return text.toString().stripTrailing();
    }

    /** Room in a string process variable and a notification body (4 000 characters), with space for the last line. */
    private static final int MAX_TEXT = 3_800;
}
