package io.crmflow.notify;

import io.crmflow.security.CurrentUser;
import io.crmflow.web.ForbiddenException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/notifications}: the caller's inbox, and for administrators the outbox of email, IM and SMS. The home page
 * and the outbox page read the same through {@code /notifications/data} ({@link NotificationPagesController}).
 */
@RestController
@Validated
@Tag(name = "Notifications", description = "通知 My in-app notifications; the outbox of email, IM and SMS (administrators)")
class NotificationsController {

    private final Inbox inbox;
    private final Notifications notifications;

    NotificationsController(Inbox inbox, Notifications notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @GetMapping("/api/notifications")
    @Operation(summary = "My notifications, newest first, and how many are unread", description = "Approval reminders, SLA "
            + "warnings, handovers, cadence alerts: everything addressed to the caller. unreadOnly=true leaves out what was read.")
    Inbox.Page mine(@RequestParam(defaultValue = "false") boolean unreadOnly, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                    @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset, Authentication user) {
        return inbox.of(user.getName(), unreadOnly, limit, offset);
    }

    @PostMapping("/api/notifications/{id}/read")
    @Operation(summary = "Mark one of my notifications read", description = "204; 404 when the caller has no such notification.")
    ResponseEntity<Void> read(@PathVariable long id, Authentication user) {
        inbox.markRead(user.getName(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/notifications/read")
    @Operation(summary = "Mark all my notifications read", description = "204.")
    ResponseEntity<Void> readAll(Authentication user) {
        inbox.markAllRead(user.getName());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/notifications/outbox")
    @Operation(summary = "The outbox of email, IM and SMS, newest first (administrators)", description = "status PENDING (waiting for "
            + "their first or next attempt), SENT or FAILED (gave up; lastError says why); counts per status.")
    Notifications.OutboxPage outbox(@RequestParam(required = false) OutboxStatus status,
                                    @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                                    @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset, Authentication user) {
        requireAdmin(user);
        return notifications.outbox(status, limit, offset);
    }

    @PostMapping("/api/notifications/outbox/{id}/retry")
    @Operation(summary = "Try a pending or failed message again now (administrators)", description = "200 with the message, due "
            + "now; 404 when there is none, 409 when it was sent already.")
    OutboxMessage retry(@PathVariable long id, Authentication user) {
        requireAdmin(user);
        return notifications.retry(id);
    }

    static void requireAdmin(Authentication user) {
        if (!CurrentUser.of(user).isAdmin()) {
            throw new ForbiddenException("Only administrators see the outbox");
        }
    }
}
