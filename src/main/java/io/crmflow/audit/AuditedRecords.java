package io.crmflow.audit;

import org.springframework.security.core.Authentication;

/**
 * A feature whose records' history managers may read at {@code GET /api/audit?entity=…&id=…}: it says whether the
 * caller may see one of its records, by the same row rules as its own API.
 */
public interface AuditedRecords {

    /** The {@code entity} of its audit entries, e.g. {@code lead}. */
    String entity();

    /** Throws the feature's 404 when {@code caller} may not see the record (or there is none). */
    void requireVisible(long id, Authentication caller);
}
