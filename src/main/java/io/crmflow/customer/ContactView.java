package io.crmflow.customer;

import java.time.Instant;

import io.crmflow.lead.ContactMasks;

/** A contact as the caller may see it: phone, email and WeChat masked unless they own the customer or manage its region. */
record ContactView(long id, long customerId, String name, ContactRole role, String title, String phone, String email, String wechat,
                   boolean masked, Instant createdAt, Instant updatedAt) {

    static ContactView of(Contact contact, boolean full) {
        return new ContactView(contact.id(), contact.customerId(), contact.name(), contact.role(), contact.title(),
                full ? contact.phone() : ContactMasks.phone(contact.phone()), full ? contact.email() : ContactMasks.email(contact.email()),
                full ? contact.wechat() : ContactMasks.wechat(contact.wechat()), !full, contact.createdAt(), contact.updatedAt());
    }
}
