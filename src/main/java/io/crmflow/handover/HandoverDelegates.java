package io.crmflow.handover;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.crmflow.web.InvalidRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The service tasks of {@code processes/rep-handover.bpmn}. */
final class HandoverDelegates {

    static final String REP = "rep";
    static final String MANAGER = "manager";
    static final String PREVIEW_TEXT = "previewText";
    static final String SUCCESSORS = "successors";
    static final String DEFAULT_SUCCESSOR = "defaultSuccessor";
    static final String CONFIRMED = "confirmed";
    static final String DECIDED_BY = "decidedBy";
    static final String RECEIVED = "received";

    private HandoverDelegates() {
    }

    /** "Preview handover": the preview as text for the manager's form. */
    @Component("previewHandoverDelegate")
    static class Preview implements JavaDelegate {

        private final Handovers handovers;

        Preview(Handovers handovers) {
            this.handovers = handovers;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable(PREVIEW_TEXT, handovers.preview((String) execution.getVariable(REP)).text());
        }
    }

    /** "Hand over the book": everything moves in the transaction that completes the manager's task. */
    @Component("handOverBookDelegate")
    static class HandOver implements JavaDelegate {

        private final Handovers handovers;

        HandOver(Handovers handovers) {
            this.handovers = handovers;
        }

        @Override
        public void execute(DelegateExecution execution) {
            if (!Boolean.TRUE.equals(execution.getVariable(CONFIRMED))) {
                throw new InvalidRequestException(CONFIRMED, "Confirm the handover to move everything");
            }
            Map<String, List<String>> received = handovers.confirm((String) execution.getVariable(REP),
                    successors((String) execution.getVariable(SUCCESSORS)), blankToNull((String) execution.getVariable(DEFAULT_SUCCESSOR)),
                    actor(execution));
            execution.setVariable(RECEIVED, HandoverPreview.lines(received.entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + entry.getValue().size() + " " + byType(entry.getValue())).toList(), "audit log"));
        }

        private static String actor(DelegateExecution execution) {
            Object named = execution.getVariable(DECIDED_BY);
            if (named != null) {
                return named.toString();
            }
            Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            return user == null ? (String) execution.getVariable(MANAGER) : user.getUserId();
        }
    }

    /** "{customer=2, lead=1}": how many records of each type, from their keys. */
    private static String byType(List<String> keys) {
        return keys.stream().collect(Collectors.groupingBy(key -> key.substring(0, key.indexOf(':')), TreeMap::new, Collectors.counting()))
                .toString();
    }

    /** "lead:42=bob" per line, as typed in the form or written by the API. */
    static Map<String, String> successors(String lines) {
        Map<String, String> successors = new LinkedHashMap<>();
        if (lines == null) {
            return successors;
        }
        for (String line : lines.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new InvalidRequestException(SUCCESSORS, "'" + line.trim() + "' is not record=successor (e.g. lead:42=bob)");
            }
            successors.put(parts[0].trim(), parts[1].trim());
        }
        return successors;
    }

    static String lines(Map<String, String> successors) {
        return successors.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("\n"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
