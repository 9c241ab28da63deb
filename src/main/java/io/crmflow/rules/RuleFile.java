package io.crmflow.rules;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.SortedMap;
import java.util.TreeMap;

/** One file of a rule set: its name as a rules owner sees it (e.g. {@code lead-score.dmn}) and its bytes. */
public record RuleFile(String name, byte[] content) {

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public boolean isDmn() {
        return name.endsWith(".dmn");
    }

    public boolean isDrl() {
        return name.endsWith(".drl");
    }

    /** The files in name order; a later file replaces an earlier one of the same name. */
    static SortedMap<String, RuleFile> byName(Collection<RuleFile> files) {
        SortedMap<String, RuleFile> named = new TreeMap<>();
        files.forEach(file -> named.put(file.name(), file));
        return named;
    }
}
