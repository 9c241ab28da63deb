package io.crmflow.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Which files differ between two versions, for the audit trail: "lead-score.dmn changed; extra.drl added". */
final class FileChanges {

    private FileChanges() {
    }

    static String between(Collection<RuleFile> before, Collection<RuleFile> after) {
        Map<String, RuleFile> old = RuleFile.byName(before);
        Map<String, RuleFile> current = RuleFile.byName(after);
        List<String> changes = new ArrayList<>();
        current.forEach((name, file) -> {
            RuleFile previous = old.get(name);
            if (previous == null) {
                changes.add(name + " added");
            } else if (!Arrays.equals(previous.content(), file.content())) {
                changes.add(name + " changed");
            }
        });
        old.keySet().stream().filter(name -> !current.containsKey(name)).forEach(name -> changes.add(name + " removed"));
        return changes.isEmpty() ? "no file changed" : String.join("; ", changes);
    }
}
