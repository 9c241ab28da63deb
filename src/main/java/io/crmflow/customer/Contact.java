package io.crmflow.customer;

import java.time.Instant;

/** A stored contact of a customer. */
record Contact(long id, long customerId, String name, ContactRole role, String title, String phone, String email, String wechat,
               String createdBy, Instant createdAt, Instant updatedAt) {
}
