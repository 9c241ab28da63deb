package io.crmflow.audit;

import java.util.Objects;

/** One field of one record, before and after a change. */
public record FieldChange(String entity, String entityId, String field, String oldValue, String newValue) {

    public static FieldChange of(String entity, Object entityId, String field, Object oldValue, Object newValue) {
        return new FieldChange(entity, String.valueOf(entityId), field, oldValue == null ? null : oldValue.toString(),
                newValue == null ? null : newValue.toString());
    }

    boolean changed() {
        return !Objects.equals(oldValue, newValue);
    }
}
