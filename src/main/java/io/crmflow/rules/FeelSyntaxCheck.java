package io.crmflow.rules;

import java.util.ArrayList;
import java.util.List;

import io.crmflow.rules.DmnSourceLines.FeelKind;
import io.crmflow.rules.DmnSourceLines.FeelText;
import org.kie.dmn.feel.FEEL;
import org.kie.dmn.feel.lang.CompilerContext;
import org.kie.dmn.feel.runtime.events.SyntaxErrorEvent;

/**
 * Parses every FEEL text of a DMN file on its own, so that a syntax error is reported at its line with the text and
 * the parser's message. The Drools DMN compiler refuses such a file with one message and no line.
 */
final class FeelSyntaxCheck {

    private FeelSyntaxCheck() {
    }

    static List<RuleProblem> check(RuleFile file, DmnSourceLines lines) {
        FEEL feel = FEEL.newInstance(FeelSyntaxCheck.class.getClassLoader(), List.of());
        List<String> errors = new ArrayList<>();
        feel.addListener(event -> {
            if (event instanceof SyntaxErrorEvent syntax) {
                errors.add(syntax.getMessage() + (syntax.getOffendingSymbol() != null ? " at '" + syntax.getOffendingSymbol() + "'" : ""));
            }
        });
        List<RuleProblem> problems = new ArrayList<>();
        for (FeelText text : lines.feelTexts()) {
            if (text.text().isEmpty()) {
                continue;
            }
            errors.clear();
            CompilerContext context = feel.newCompilerContext();
            try {
                if (text.kind() == FeelKind.UNARY_TESTS) {
                    feel.processUnaryTests(text.text(), context);
                } else {
                    feel.processExpression(text.text(), context);
                }
            } catch (RuntimeException unparsable) {
                errors.add(String.valueOf(unparsable.getMessage()));
            }
            if (!errors.isEmpty()) {
                problems.add(new RuleProblem(file.name(), text.line(), "FEEL syntax error in "
                        + (text.decision() != null ? "decision '" + text.decision() + "', " : "")
                        + (text.owner() != null ? text.owner() + ": " : "") + "'" + text.text() + "': " + String.join("; ", errors)));
            }
        }
        return problems;
    }
}
