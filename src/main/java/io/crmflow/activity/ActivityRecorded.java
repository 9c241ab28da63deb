package io.crmflow.activity;

import java.time.Instant;

/** Published in the transaction that recorded an activity: an open follow-up of the customer may be met by it. */
record ActivityRecorded(long activityId, long customerId, ActivityKind kind, Instant occurredAt, String recordedBy) {
}
