package io.crmflow.notify;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The outbox page ({@code /notifications/outbox}, static files under {@code static/notifications}) and the data of it and
 * of the home page's inbox, under the pages' session (CSRF-protected posts): the same answers as {@code /api/notifications}.
 */
@Controller
@Hidden
@Validated
class NotificationPagesController {

    private final NotificationsController api;

    NotificationPagesController(NotificationsController api) {
        this.api = api;
    }

    @GetMapping("/notifications/outbox")
    String outboxPage(Authentication user) {
        NotificationsController.requireAdmin(user);
        return "forward:/notifications/outbox.html";
    }

    @GetMapping("/notifications/data/mine")
    @ResponseBody
    Inbox.Page mine(@RequestParam(defaultValue = "false") boolean unreadOnly, @RequestParam(defaultValue = "20") @Min(1) @Max(500) int limit,
                    @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset, Authentication user) {
        return api.mine(unreadOnly, limit, offset, user);
    }

    @PostMapping("/notifications/data/{id}/read")
    ResponseEntity<Void> read(@PathVariable long id, Authentication user) {
        return api.read(id, user);
    }

    @PostMapping("/notifications/data/read")
    ResponseEntity<Void> readAll(Authentication user) {
        return api.readAll(user);
    }

    @GetMapping("/notifications/data/outbox")
    @ResponseBody
    Notifications.OutboxPage outbox(@RequestParam(required = false) OutboxStatus status, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                                    @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset, Authentication user) {
        return api.outbox(status, limit, offset, user);
    }

    @PostMapping("/notifications/data/outbox/{id}/retry")
    @ResponseBody
    OutboxMessage retry(@PathVariable long id, Authentication user) {
        return api.retry(id, user);
    }
}
