package io.crmflow.rules;

import java.util.Arrays;

/** A decision could not be made with the active rules (missing model, FEEL error, no matching row, unknown value). */
public class DecisionFailedException extends RuntimeException {

    public DecisionFailedException(String message) {
        super(message);
    }

    /**
     * The constant of {@code type} a decision of {@code model} named.
     *
     * @throws DecisionFailedException when the result is not the name of one (a table edited to decide something else)
     */
    public static <E extends Enum<E>> E constant(Class<E> type, Object decided, String model) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(decided)).findFirst()
                .orElseThrow(() -> new DecisionFailedException("DMN model '" + model + "' decided '" + decided + "', which is not one of "
                        + Arrays.toString(type.getEnumConstants())));
    }
}
