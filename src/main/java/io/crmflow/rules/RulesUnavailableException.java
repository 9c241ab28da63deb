package io.crmflow.rules;

import java.util.Map;

import io.crmflow.web.ServiceUnavailableException;

/** No rule-set version this node holds can make a decision: the request is refused with a 503 naming version and model. */
class RulesUnavailableException extends ServiceUnavailableException {

    RulesUnavailableException(String version, String model, DecisionFailedException failure) {
        super("Rules cannot decide", "Rule set " + version + " cannot decide '" + model + "' for this request, and no earlier version "
                        + "this node holds can either; nothing was saved. The rules owners have been alerted. " + failure.getMessage(),
                Map.of("ruleSetVersion", version, "decision", model), failure);
    }
}
