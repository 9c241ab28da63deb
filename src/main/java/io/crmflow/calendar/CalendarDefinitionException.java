package io.crmflow.calendar;

/**
 * A business calendar definition (normally {@code rules/business-calendar.yaml}) that cannot be used.
 *
 * <p>The message is meant for the person editing the file: it names the offending entry or field and,
 * when known, the line. The line is also available separately so that tools can point at it.
 */
public class CalendarDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final String description;

    public CalendarDefinitionException(String message) {
        this(message, -1, null);
    }

    public CalendarDefinitionException(String message, Throwable cause) {
        this(message, -1, cause);
    }

    /**
     * @param line 1-based line in the YAML text the problem was found at, or -1 when unknown.
     *             It is appended to the message, so callers pass the bare description.
     */
    public CalendarDefinitionException(String message, int line, Throwable cause) {
        super(line > 0 ? message + " (line " + line + ")" : message, cause);
        this.line = line;
        this.description = message;
    }

    /** 1-based line of the problem in the YAML text, or -1 when it is not known. */
    public int line() {
        return line;
    }

    /** The message without the line suffix, for re-throwing with more context. */
    String description() {
        return description;
    }
}
