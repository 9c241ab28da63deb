package io.crmflow.rules;

import java.nio.charset.StandardCharsets;

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
}
