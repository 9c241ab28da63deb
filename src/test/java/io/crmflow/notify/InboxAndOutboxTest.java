package io.crmflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The in-app inbox and the outbox for administrators (docs/product.md §10): a message to a person is in their inbox
 * whatever else is configured, only they read and mark it; an unconfigured channel is skipped, not retried; admins see
 * and retry the outbox.
 */
class InboxAndOutboxTest extends IntegrationTest {

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationOutbox outbox;

    @Autowired
    NotificationInbox inbox;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    TransactionTemplate transaction;

    private void send(Notifications through, Notification notification) {
        transaction.executeWithoutResult(status -> through.send(notification));
    }

    private JsonNode messageAbout(String user, String reference) {
        JsonNode page = as(user).getForObject("/api/notifications?limit=500", JsonNode.class);
        for (JsonNode message : page.get("messages")) {
            if (reference.equals(message.path("reference").asText())) {
                return message;
            }
        }
        return null;
    }

    @Test
    void aPersonReadsTheirNotificationsAndMarksThemRead() {
        String reference = unique("ticket");
        send(notifications, new Notification(Channel.IM, "sara", "工单即将超时 SLA warning", "P1 ticket 4 h", reference, reference + ":sla"));
        send(notifications, new Notification(Channel.INBOX, "sara", "交接 Handover", "3 tickets from sam", reference + ":handover"));

        JsonNode page = as("sara").getForObject("/api/notifications?unreadOnly=true&limit=500", JsonNode.class);
        long unread = page.get("unread").asLong();
        JsonNode warning = messageAbout("sara", reference);
        assertThat(warning).isNotNull();
        assertThat(warning.get("subject").asText()).isEqualTo("工单即将超时 SLA warning");
        assertThat(warning.get("readAt")).as("unread").isNull();
        assertThat(messageAbout("sam", reference)).as("nobody else sees it").isNull();

        long id = warning.get("id").asLong();
        assertThat(as("sam").postForEntity("/api/notifications/" + id + "/read", null, JsonNode.class).getStatusCode())
                .as("someone else's notification looks like none").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("sara").postForEntity("/api/notifications/" + id + "/read", null, Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(messageAbout("sara", reference).get("readAt")).isNotNull();
        assertThat(as("sara").getForObject("/api/notifications", JsonNode.class).get("unread").asLong()).isEqualTo(unread - 1);

        assertThat(as("sara").postForEntity("/api/notifications/read", null, Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as("sara").getForObject("/api/notifications", JsonNode.class).get("unread").asLong()).isZero();
        assertThat(messageAbout("sara", reference + ":handover").get("readAt")).isNotNull();
    }

    @Test
    void anEventRaisedTwiceIsInTheInboxOnce() {
        String reference = unique("contract");
        String key = reference + ":reminder:1:leo:im";
        send(notifications, new Notification(Channel.IM, "leo", "合同审批提醒 Reminder", "contract", reference, key));
        send(notifications, new Notification(Channel.IM, "leo", "合同审批提醒 Reminder", "contract", reference, key));

        assertThat(inbox.of("leo", false, 500, 0)).filteredOn(message -> reference.equals(message.reference())).hasSize(1);
    }

    @Test
    void anUnconfiguredChannelIsSkippedAndThePersonStillHasTheMessage() {
        ChannelSender noRobot = new ChannelSender() {
            @Override
            public Channel channel() {
                return Channel.IM;
            }

            @Override
            public String notConfigured() {
                return "no IM robot (crmflow.notify.im-webhook-url)";
            }

            @Override
            public void deliver(OutboxMessage message) {
                throw new AssertionError("an unconfigured channel never delivers");
            }
        };
        DeliveryChannels withoutIm = new DeliveryChannels(List.of(noRobot));
        assertThat(withoutIm.configured()).isEmpty();
        Notifications withoutImRobot = new Notifications(outbox, inbox, withoutIm);
        String reference = unique("opportunity");

        send(withoutImRobot, new Notification(Channel.IM, "chen", "商机停滞 Opportunity idle", "14 days", reference));

        assertThat(notifications.about(reference)).as("nothing queued to fail and be retried").isEmpty();
        assertThat(messageAbout("chen", reference)).isNotNull();
    }

    @Test
    void administratorsSeeTheOutboxWithTheLastErrorAndRetry() {
        String reference = unique("quote");
        send(notifications, new Notification(Channel.EMAIL, "nobody@example.cn", "报价待审批 Quote awaiting approval", "Q-1", reference));
        long id = notifications.about(reference).get(0).id();
        outbox.markFailedAttempt(id, "550 mailbox unavailable", java.time.Instant.now(), true);

        JsonNode failed = as("admin").getForObject("/api/notifications/outbox?status=FAILED&limit=500", JsonNode.class);
        assertThat(failed.get("counts").get("FAILED").asLong()).isPositive();
        JsonNode message = null;
        for (JsonNode candidate : failed.get("messages")) {
            if (candidate.get("id").asLong() == id) {
                message = candidate;
            }
        }
        assertThat(message).isNotNull();
        assertThat(message.get("lastError").asText()).isEqualTo("550 mailbox unavailable");

        ResponseEntity<JsonNode> retried = as("admin").postForEntity("/api/notifications/outbox/" + id + "/retry", null, JsonNode.class);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody().get("status").asText()).isEqualTo("PENDING");

        assertThat(as("mia").getForEntity("/api/notifications/outbox", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("mia").postForEntity("/api/notifications/outbox/" + id + "/retry", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("admin").postForEntity("/api/notifications/outbox/999999999/retry", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        outbox.markSent(id, java.time.Instant.now());
        assertThat(as("admin").postForEntity("/api/notifications/outbox/" + id + "/retry", null, JsonNode.class).getStatusCode())
                .as("a sent message is not sent again").isEqualTo(HttpStatus.CONFLICT);
        assertThat(as("admin").getForEntity("/api/notifications/outbox?status=LOST", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
