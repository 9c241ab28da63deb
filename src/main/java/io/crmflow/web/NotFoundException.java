package io.crmflow.web;

/** A record that does not exist, or that the caller may not see (both look the same from outside): 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
