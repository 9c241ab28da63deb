package io.crmflow.rules;

/** A decision could not be made with the active rules (missing model, FEEL error, no matching row). */
public class DecisionFailedException extends RuntimeException {

    public DecisionFailedException(String message) {
        super(message);
    }
}
