package io.crmflow.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

/**
 * Makes a DMN file as Camunda Modeler saves it acceptable to the Drools DMN compiler, without changing what it decides:
 * Modeler's {@code integer}/{@code long}/{@code double} types become FEEL {@code number}; empty input cells become
 * {@code -}; a decision gets the {@code variable} it needs; every plain name a decision table reads that no element
 * provides gets an {@code inputData} and an {@code informationRequirement}; Modeler's default model name {@code DRD}
 * (the same in every file) becomes the file's name. A file that needs none of this is returned byte for byte.
 */
final class ModelerDmnNormalizer {

    private static final Set<String> NUMERIC_TYPES = Set.of("integer", "long", "double");
    private static final String MODELER_DEFAULT_NAME = "DRD";
    private static final Pattern FEEL_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");

    private ModelerDmnNormalizer() {
    }

    /**
     * Why a {@code .dmn} file is not a DMN document at all (not XML, or another root element), with the line: the Drools
     * compiler fails on such a file with an exception instead of a message.
     */
    static Optional<RuleProblem> notADmnDocument(RuleFile file) {
        if (!file.isDmn()) {
            return Optional.empty();
        }
        try {
            Element root = parse(file.content()).getDocumentElement();
            return "definitions".equals(root.getLocalName()) ? Optional.empty()
                    : Optional.of(new RuleProblem(file.name(), 1, "Not a DMN model: the root element is <" + root.getNodeName()
                    + ">, not <definitions>"));
        } catch (SAXParseException broken) {
            return Optional.of(new RuleProblem(file.name(), broken.getLineNumber(), "Not well-formed XML: " + broken.getMessage()));
        } catch (Exception unreadable) {
            return Optional.of(new RuleProblem(file.name(), 0, "Not readable as XML: " + unreadable.getMessage()));
        }
    }

    static RuleFile normalize(RuleFile file) {
        if (!file.isDmn()) {
            return file;
        }
        Document document;
        try {
            document = parse(file.content());
        } catch (Exception unreadable) {
            // notADmnDocument reports it; the compiler never sees it.
            return file;
        }
        Element definitions = document.getDocumentElement();
        String dmn = definitions.getNamespaceURI();
        boolean changed = numericTypesToNumber(definitions) | emptyInputEntriesToDash(definitions, dmn)
                | decisionVariables(definitions, dmn) | missingInputData(definitions, dmn)
                | modelName(definitions, file.name());
        return changed ? new RuleFile(file.name(), write(document)) : file;
    }

    private static boolean numericTypesToNumber(Element definitions) {
        boolean changed = false;
        NodeList all = definitions.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (NUMERIC_TYPES.contains(element.getAttribute("typeRef"))) {
                element.setAttribute("typeRef", "number");
                changed = true;
            }
            if (element.getLocalName().equals("typeRef") && NUMERIC_TYPES.contains(element.getTextContent().trim())) {
                element.setTextContent("number");
                changed = true;
            }
        }
        return changed;
    }

    private static boolean emptyInputEntriesToDash(Element definitions, String dmn) {
        boolean changed = false;
        for (Element entry : children(definitions.getElementsByTagNameNS(dmn, "inputEntry"))) {
            Element text = firstChild(entry, dmn, "text");
            if (text == null) {
                text = entry.getOwnerDocument().createElementNS(dmn, "text");
                entry.appendChild(text);
            }
            if (text.getTextContent().isBlank()) {
                text.setTextContent("-");
                changed = true;
            }
        }
        return changed;
    }

    private static boolean decisionVariables(Element definitions, String dmn) {
        boolean changed = false;
        for (Element decision : children(definitions.getElementsByTagNameNS(dmn, "decision"))) {
            if (firstChild(decision, dmn, "variable") == null) {
                Element variable = decision.getOwnerDocument().createElementNS(dmn, "variable");
                variable.setAttribute("id", decision.getAttribute("id") + "_Variable");
                variable.setAttribute("name", decision.getAttribute("name"));
                decision.insertBefore(variable, firstChildAfterHeader(decision));
                changed = true;
            }
        }
        return changed;
    }

    /** A decision table reading {@code visits30d} needs an {@code inputData} of that name wired to the decision. */
    private static boolean missingInputData(Element definitions, String dmn) {
        Map<String, String> inputIds = new HashMap<>();
        for (Element inputData : children(definitions.getElementsByTagNameNS(dmn, "inputData"))) {
            inputIds.put(inputData.getAttribute("name"), inputData.getAttribute("id"));
        }
        List<Element> decisions = children(definitions.getElementsByTagNameNS(dmn, "decision"));
        Set<String> decisionNames = new HashSet<>();
        decisions.forEach(decision -> decisionNames.add(decision.getAttribute("name")));
        int before = inputIds.size();
        boolean wired = false;
        for (Element decision : decisions) {
            for (Element expression : children(decision.getElementsByTagNameNS(dmn, "inputExpression"))) {
                Element text = firstChild(expression, dmn, "text");
                String name = text == null ? "" : text.getTextContent().trim();
                if (!FEEL_NAME.matcher(name).matches() || decisionNames.contains(name)) {
                    continue;
                }
                String inputId = inputIds.computeIfAbsent(name, missing -> addInputData(definitions, dmn, missing, expression.getAttribute("typeRef")));
                if (!requires(decision, dmn, "#" + inputId)) {
                    Element requirement = decision.getOwnerDocument().createElementNS(dmn, "informationRequirement");
                    requirement.setAttribute("id", decision.getAttribute("id") + "_Requires_" + name);
                    Element requiredInput = decision.getOwnerDocument().createElementNS(dmn, "requiredInput");
                    requiredInput.setAttribute("href", "#" + inputId);
                    requirement.appendChild(requiredInput);
                    decision.insertBefore(requirement, firstChildAfterVariable(decision, dmn));
                    wired = true;
                }
            }
        }
        return wired || inputIds.size() > before;
    }

    private static String addInputData(Element definitions, String dmn, String name, String typeRef) {
        String id = "InputData_" + name;
        Element inputData = definitions.getOwnerDocument().createElementNS(dmn, "inputData");
        inputData.setAttribute("id", id);
        inputData.setAttribute("name", name);
        Element variable = definitions.getOwnerDocument().createElementNS(dmn, "variable");
        variable.setAttribute("id", id + "_Variable");
        variable.setAttribute("name", name);
        variable.setAttribute("typeRef", typeRef.isEmpty() ? "Any" : typeRef);
        inputData.appendChild(variable);
        definitions.insertBefore(inputData, firstChild(definitions, dmn, "decision"));
        return id;
    }

    private static boolean requires(Element decision, String dmn, String href) {
        return children(decision.getElementsByTagNameNS(dmn, "requiredInput")).stream()
                .anyMatch(required -> required.getAttribute("href").equals(href));
    }

    private static boolean modelName(Element definitions, String fileName) {
        if (!MODELER_DEFAULT_NAME.equals(definitions.getAttribute("name"))) {
            return false;
        }
        String baseName = fileName.substring(0, fileName.length() - ".dmn".length());
        definitions.setAttribute("name", baseName);
        definitions.setAttribute("namespace", "https://crmflow.io/dmn/" + baseName);
        return true;
    }

    /** The child a {@code variable} goes before: after description, extensionElements, question, allowedAnswers. */
    private static Node firstChildAfterHeader(Element decision) {
        Set<String> header = Set.of("description", "extensionElements", "question", "allowedAnswers");
        for (Node child = decision.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && !header.contains(element.getLocalName())) {
                return child;
            }
        }
        return null;
    }

    private static Node firstChildAfterVariable(Element decision, String dmn) {
        Element variable = firstChild(decision, dmn, "variable");
        return variable == null ? firstChildAfterHeader(decision) : variable.getNextSibling();
    }

    private static Element firstChild(Element parent, String namespace, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName()) && namespace.equals(element.getNamespaceURI())) {
                return element;
            }
        }
        return null;
    }

    static List<Element> children(NodeList nodes) {
        List<Element> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** Parses without following a DOCTYPE or external entity: rule files come from uploads. */
    static Document parse(byte[] content) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(content));
    }

    private static byte[] write(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("Could not write a normalised DMN document", e);
        }
    }
}
