package io.crmflow.web;

import java.util.Map;

/** Well-formed input that breaks a business rule: 422 naming the field. */
public class InvalidRequestException extends RuntimeException {

    private final String field;
    private final Map<String, Object> details;

    public InvalidRequestException(String field, String message) {
        this(field, message, Map.of());
    }

    /** {@code details} become further members of the problem document, e.g. what could be used instead. */
    public InvalidRequestException(String field, String message, Map<String, Object> details) {
        super(message);
        this.field = field;
        this.details = Map.copyOf(details);
    }

    public String field() {
        return field;
    }

    public Map<String, Object> details() {
        return details;
    }
}
