package io.crmflow.lead;

/** How the owner reached the lead: the choices of {@code forms/contact-lead.form}. */
public enum ContactChannel {
    PHONE, WECHAT, EMAIL, VISIT
}
