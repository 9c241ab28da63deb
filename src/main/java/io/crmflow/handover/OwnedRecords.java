package io.crmflow.handover;

import java.util.List;
import java.util.Map;

/**
 * What a module that owns records offers a handover (docs/product.md §14): the open records of a rep, and moving them. Both
 * run inside the handover's one transaction; the process variables and tasks of the records' instances are moved by the
 * handover itself, so an implementation changes only its own tables, timeline and audit entries.
 */
public interface OwnedRecords {

    /** Audit entries of a handover carry this reason. */
    String REASON = "HANDOVER";

    /** The rep's open records of this module. */
    List<OpenRecord> openRecordsOf(String owner);

    /** Moves the records ({@code successors}: record id → new owner) from {@code owner}; one audit entry per record, reason {@link #REASON}. */
    void handOver(String owner, Map<Long, String> successors, String actor);
}
