package io.crmflow.rules;

import java.time.Instant;
import java.util.List;

/**
 * A stored version of the rule files.
 *
 * @param id        sequence number: versions are numbered in the order they were stored
 * @param version   content hash of the files, the version every decision records
 * @param basedOn   the version an uploaded candidate was built on (its files plus the uploaded ones)
 */
public record RuleSetVersion(long id, String version, Status status, Long basedOn, List<String> files, String createdBy,
                             Instant createdAt, String activatedBy, Instant activatedAt) {

    public enum Status {
        /** Valid, never active yet. */
        CANDIDATE,
        /** The version new decisions use; exactly one. */
        ACTIVE,
        /** Was active, replaced since; can be activated again. */
        RETIRED
    }
}
