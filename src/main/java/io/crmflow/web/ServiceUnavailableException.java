package io.crmflow.web;

import java.util.Map;

/**
 * crmflow cannot serve the request now for a reason that is not the request's fault and that an operator or owner
 * can fix (e.g. the active rules fail to decide): a 503 problem document with {@code details} as extra members, answered
 * wherever in the cause chain it is raised (a service, or a process step the engine ran for the request).
 */
public class ServiceUnavailableException extends RuntimeException {

    private final String title;
    private final Map<String, Object> details;

    public ServiceUnavailableException(String title, String message, Map<String, Object> details, Throwable cause) {
        super(message, cause);
        this.title = title;
        this.details = Map.copyOf(details);
    }

    public String title() {
        return title;
    }

    public Map<String, Object> details() {
        return details;
    }
}
