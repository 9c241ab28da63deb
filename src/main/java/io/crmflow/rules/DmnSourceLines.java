package io.crmflow.rules;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Where things are in a DMN file as its owner wrote it: the line of every element with an {@code id}, and every FEEL
 * text with its line. The Drools compiler reports some errors without a line (a FEEL syntax error is "Unable to
 * compile DMN model for the resource"), and evaluation errors only by element id; this maps both back to a line.
 */
final class DmnSourceLines {

    /** Where a FEEL text is used: unary tests (an input entry, allowed values) or an expression (everything else). */
    enum FeelKind { UNARY_TESTS, EXPRESSION }

    /**
     * @param owner id of the nearest enclosing element that has one (e.g. the rule row), for messages
     * @param decision name of the enclosing decision, if any
     */
    record FeelText(FeelKind kind, String text, int line, String owner, String decision) {
    }

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        // Rule files come from uploads: no DTDs, no external entities.
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final Map<String, Integer> elementLines;
    private final List<FeelText> feelTexts;

    private DmnSourceLines(Map<String, Integer> elementLines, List<FeelText> feelTexts) {
        this.elementLines = elementLines;
        this.feelTexts = feelTexts;
    }

    /** The lines of {@code file}; empty ones for a file that is not well-formed XML (the compiler reports that itself). */
    static DmnSourceLines of(RuleFile file) {
        Map<String, Integer> lines = new HashMap<>();
        List<FeelText> texts = new ArrayList<>();
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(file.content()));
            Deque<Element> open = new ArrayDeque<>();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    String id = reader.getAttributeValue(null, "id");
                    int line = reader.getLocation().getLineNumber();
                    if (id != null) {
                        lines.putIfAbsent(id, line);
                    }
                    String name = reader.getLocalName();
                    String decision = "decision".equals(name) ? reader.getAttributeValue(null, "name") : null;
                    Element parent = open.peek();
                    if ("text".equals(name) && parent != null && feelKind(parent.name()) != null) {
                        texts.add(new FeelText(feelKind(parent.name()), reader.getElementText().trim(), line,
                                ownerId(open), decisionName(open)));
                        continue; // getElementText consumed the end tag
                    }
                    open.push(new Element(name, id, decision));
                } else if (event == XMLStreamReader.END_ELEMENT) {
                    open.pop();
                }
            }
        } catch (XMLStreamException | RuntimeException notXml) {
            return new DmnSourceLines(lines, texts);
        }
        return new DmnSourceLines(lines, texts);
    }

    Optional<Integer> lineOf(String elementId) {
        return Optional.ofNullable(elementId).map(elementLines::get);
    }

    List<FeelText> feelTexts() {
        return feelTexts;
    }

    private static FeelKind feelKind(String parent) {
        return switch (parent) {
            case "inputEntry", "inputValues", "outputValues", "allowedValues" -> FeelKind.UNARY_TESTS;
            case "outputEntry", "literalExpression", "inputExpression", "defaultOutputEntry" -> FeelKind.EXPRESSION;
            default -> null;
        };
    }

    private static String ownerId(Deque<Element> open) {
        for (Element element : open) {
            if (element.id() != null && !element.name().endsWith("Entry")) {
                return element.id();
            }
        }
        return null;
    }

    private static String decisionName(Deque<Element> open) {
        return open.stream().map(Element::decision).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private record Element(String name, String id, String decision) {
    }
}
