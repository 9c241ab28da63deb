package io.crmflow.demo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * crmflow's own REST API, called over the loopback interface as the demo users (password = user id, docs/product.md §2):
 * the demo history goes through exactly what people and clients go through (security, validation, services, processes,
 * decisions, audit log). A refused call throws, naming the call and the problem document.
 */
final class DemoApi {

    private final RestClient http;

    DemoApi(int port) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw new IllegalStateException(request.getMethod() + " " + request.getURI().getPath() + " answered " + response.getStatusCode()
                            + ": " + new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
                }).build();
    }

    JsonNode post(String user, String path, Object body) {
        return http.post().uri(path).headers(headers -> signIn(headers, user)).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(JsonNode.class);
    }

    JsonNode patch(String user, String path, Object body) {
        return http.patch().uri(path).headers(headers -> signIn(headers, user)).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(JsonNode.class);
    }

    JsonNode get(String user, String path) {
        return http.get().uri(path).headers(headers -> signIn(headers, user)).retrieve().body(JsonNode.class);
    }

    private static void signIn(HttpHeaders headers, String user) {
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
}
