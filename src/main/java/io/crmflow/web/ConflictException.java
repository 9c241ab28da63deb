package io.crmflow.web;

import java.util.Map;

/** The request is valid but the record moved on meanwhile (already claimed, no longer in the pool), or clashes with another: 409. */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> details;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    /** {@code details} become further members of the problem document, e.g. the step the record is at instead, or the existing record it clashes with. */
    public ConflictException(String message, Map<String, Object> details) {
        super(message);
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }
}
