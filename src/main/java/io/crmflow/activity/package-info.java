/**
 * Field work (docs/product.md §13): activities with customers — visits, calls, online meetings, demos, mails and chats — with
 * their attachments, and the follow-up cadence per tier that turns customers left alone too long into tasks for their
 * owners and, when still behind, items on their manager's board. Built on the customer feature's public API; the cadence
 * check reads the customer table by SQL, set-based, like the analytics do, because it has to cover every customer at once.
 */
package io.crmflow.activity;
