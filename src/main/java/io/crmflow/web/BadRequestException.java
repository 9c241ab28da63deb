package io.crmflow.web;

/** Input that cannot be read at all (malformed file, wrong header): 400 naming the field or line. */
public class BadRequestException extends RuntimeException {

    private final String field;

    public BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
