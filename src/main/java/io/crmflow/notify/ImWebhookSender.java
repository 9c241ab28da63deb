package io.crmflow.notify;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * A WeCom/DingTalk-style group robot: {@code {"msgtype": "text", "text": {"content": …}}} POSTed to the webhook, the
 * recipient named at the start of the text. Any non-2xx answer is a failure to retry.
 */
@Component
class ImWebhookSender implements ChannelSender {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final NotifyProperties properties;
    private final ObjectMapper json;

    ImWebhookSender(NotifyProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return Channel.IM;
    }

    @Override
    public String notConfigured() {
        return properties.imWebhookUrl() == null ? "no IM robot (crmflow.notify.im-webhook-url)" : null;
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        String content = "@" + message.recipient() + " " + message.subject() + "\n" + message.body();
        byte[] body = json.writeValueAsBytes(Map.of("msgtype", "text", "text", Map.of("content", content)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(properties.imWebhookUrl())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("IM webhook answered " + response.statusCode() + ": " + response.body());
        }
    }
}
