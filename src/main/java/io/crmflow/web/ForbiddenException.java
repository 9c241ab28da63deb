package io.crmflow.web;

/** The caller may see the record but not do this to it: 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
