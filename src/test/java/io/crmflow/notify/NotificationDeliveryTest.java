package io.crmflow.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.crmflow.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox delivered to a real SMTP server (GreenMail) and a real HTTP webhook receiver, once, with retries. */
class NotificationDeliveryTest extends IntegrationTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Notifications notifications;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    NotificationOutbox outbox;

    @Autowired
    NotifyProperties properties;

    @Autowired
    DeliveryChannels channels;

    @Autowired
    TransactionTemplate transaction;

    private HttpServer imRobot;
    private final List<String> imMessages = new CopyOnWriteArrayList<>();
    private final AtomicInteger imFailuresToGo = new AtomicInteger();

    @BeforeEach
    void startImRobot() throws IOException {
        imRobot = HttpServer.create(new InetSocketAddress("127.0.0.1", properties.imWebhookUrl().getPort()), 0);
        imRobot.createContext(properties.imWebhookUrl().getPath(), exchange -> {
            int status = imFailuresToGo.getAndDecrement() > 0 ? 503 : 200;
            if (status == 200) {
                imMessages.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        imRobot.start();
    }

    @AfterEach
    void stopImRobotAndResetClock() {
        imRobot.stop(0);
        ClockUtil.reset();
    }

    private void send(Notification notification) {
        transaction.executeWithoutResult(status -> notifications.send(notification));
    }

    @Test
    void emailAndImAreDeliveredOnceWithTheirText() throws Exception {
        String reference = unique("lead");
        send(new Notification(Channel.EMAIL, "wang.fang@example.cn", "感谢您的关注 Thank you", "王芳，您好！资料已准备好。", reference));
        send(new Notification(Channel.IM, "alice", "联系线索 Contact lead", "华东医疗 (A, 95) 4 小时内联系", reference));

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("感谢您的关注 Thank you");
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        assertThat(received[0].getContent().toString()).contains("王芳，您好！资料已准备好。");
        assertThat(imMessages).singleElement().asString().contains("\"msgtype\":\"text\"", "@alice 联系线索 Contact lead", "华东医疗 (A, 95)");
        assertThat(notifications.about(reference)).extracting(OutboxMessage::status).containsOnly(NotificationOutbox.SENT);
    }

    @Test
    void aFailedDeliveryIsRetriedAfterItsBackoffThenSent() {
        String reference = unique("ticket");
        imFailuresToGo.set(1);
        send(new Notification(Channel.IM, "lily", "SLA 即将超时 SLA warning", "P2 ticket", reference));

        dispatcher.dispatchDue();

        OutboxMessage waiting = notifications.about(reference).get(0);
        assertThat(waiting.status()).isEqualTo(NotificationOutbox.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("503");
        assertThat(waiting.nextAttemptAt()).isAfter(waiting.createdAt().plus(properties.firstRetry()).minusSeconds(1));
        dispatcher.dispatchDue();
        assertThat(imMessages).as("not before the backoff").isEmpty();

        ClockUtil.setCurrentTime(Date.from(waiting.nextAttemptAt().plusSeconds(1)));
        dispatcher.dispatchDue();

        assertThat(imMessages).hasSize(1);
        assertThat(notifications.about(reference).get(0).status()).isEqualTo(NotificationOutbox.SENT);
        assertThat(notifications.about(reference).get(0).attempts()).isEqualTo(2);
    }

    @Test
    void twoNodesDispatchingAtOnceSendEachMessageOnce() throws Exception {
        String reference = unique("approval");
        for (int i = 0; i < 30; i++) {
            send(new Notification(Channel.EMAIL, "leo" + i + "@example.cn", "审批提醒 Approval reminder " + i, "contract", reference));
        }
        OutboxDispatcher otherNode = new OutboxDispatcher(outbox, properties, channels);
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> rounds = List.of(dispatcher::dispatchDue, otherNode::dispatchDue, dispatcher::dispatchDue,
                    otherNode::dispatchDue);
            // Each look takes at most a batch (20): keep both nodes looking until nothing is due.
            for (int look = 0; look < 10 && smtp.getReceivedMessages().length < 30; look++) {
                nodes.invokeAll(rounds);
            }
        } finally {
            nodes.shutdown();
        }

        assertThat(smtp.getReceivedMessages()).hasSize(30);
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            recipients.add(GreenMailUtil.getAddressList(message.getAllRecipients()));
        }
        assertThat(recipients).doesNotHaveDuplicates();
        assertThat(notifications.about(reference)).extracting(OutboxMessage::status).containsOnly(NotificationOutbox.SENT);
    }

    @Test
    void anEventRaisedTwiceIsSentOnce() {
        String reference = unique("approval");
        String key = reference + ":reminder:1";

        transaction.executeWithoutResult(status -> assertThat(notifications.send(
                new Notification(Channel.EMAIL, "leo@example.cn", "审批提醒 Approval reminder", "contract 7", reference, key))).isTrue());
        transaction.executeWithoutResult(status -> assertThat(notifications.send(
                new Notification(Channel.EMAIL, "leo@example.cn", "审批提醒 Approval reminder", "contract 7", reference, key))).isFalse());
        dispatcher.dispatchDue();

        assertThat(notifications.about(reference)).hasSize(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void smsGoesToTheProviderWhichLogsByDefault() {
        String reference = unique("ticket");
        send(new Notification(Channel.SMS, "+86 139 0000 0001", "工单已解决 Ticket resolved", "#42", reference));

        dispatcher.dispatchDue();

        assertThat(notifications.about(reference)).extracting(OutboxMessage::status).containsExactly(NotificationOutbox.SENT);
    }

    @Test
    void sendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> notifications.send(new Notification(Channel.EMAIL, "x@example.cn", "s", "b", "none")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }
}
