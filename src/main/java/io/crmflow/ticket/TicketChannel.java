package io.crmflow.ticket;

/** Where the ticket came in. */
public enum TicketChannel {
    EMAIL, PHONE, WECHAT, WEB
}
