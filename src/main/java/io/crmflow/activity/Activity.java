package io.crmflow.activity;

import java.time.Instant;
import java.util.List;

/**
 * A recorded activity with its attachments (without their bytes). {@code late}: recorded more than
 * {@link ActivityService#LATE_AFTER} after it happened (data quality, docs/product.md §7).
 */
record Activity(long id, long customerId, Long contactId, Long opportunityId, ActivityKind kind, String kindLabel, Instant occurredAt,
                Integer minutes, String note, boolean late, String recordedBy, Instant recordedAt, Instant updatedAt,
                List<AttachmentInfo> attachments) {

    Activity withAttachments(List<AttachmentInfo> files) {
        return new Activity(id, customerId, contactId, opportunityId, kind, kindLabel, occurredAt, minutes, note, late, recordedBy, recordedAt,
                updatedAt, List.copyOf(files));
    }

    /** An attachment as listed: where to download it. */
    record AttachmentInfo(long id, String fileName, String contentType, long sizeBytes, String sha256, String href) {
    }
}
