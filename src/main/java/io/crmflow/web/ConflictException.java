package io.crmflow.web;

/** The request is valid but the record moved on meanwhile (already claimed, no longer in the pool): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
