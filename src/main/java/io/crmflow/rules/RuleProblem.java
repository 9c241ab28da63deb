package io.crmflow.rules;

/** A validation error a rules owner can act on: which file, where in it, and what is wrong. */
public record RuleProblem(String file, Integer line, String message) {

    @Override
    public String toString() {
        return file + (line != null && line > 0 ? ":" + line : "") + ": " + message;
    }
}
