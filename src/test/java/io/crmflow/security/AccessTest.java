package io.crmflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Who gets in where: API, REST engine, webapps, OpenAPI and health. */
class AccessTest extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/leads/1", "/engine-rest/task", "/engine-rest/deployment", "/v3/api-docs", "/actuator/prometheus"})
    void anonymousRequestsAreRefusedWithAProblem(String path) {
        ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    }

    @Test
    void anonymousCannotPostLeads() {
        long before = count("leads");

        ResponseEntity<JsonNode> response = http.postForEntity("/api/leads",
                Map.of("name", "x", "source", "WEBSITE", "region", "EAST"), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(count("leads")).isEqualTo(before);
    }

    @Test
    void wrongPasswordIsRefused() {
        // A failed login delays the user's next attempts (Camunda's brute-force protection): use no one else's account.
        assertThat(http.withBasicAuth("sara", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void healthIsOpen() {
        ResponseEntity<JsonNode> response = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void openApiDescribesTheLeadApiForSignedInUsers() {
        ResponseEntity<JsonNode> response = as("alice").getForEntity("/v3/api-docs", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("paths").has("/api/leads")).isTrue();
        assertThat(as("alice").getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @ParameterizedTest(name = "{0} may open {1}: {2}")
    @CsvSource({"admin, tasklist, true", "admin, cockpit, true", "admin, admin, true", "alice, tasklist, true",
            "alice, cockpit, false", "pat, cockpit, true", "fiona, tasklist, true"})
    void webappLoginFollowsGroupAuthorizations(String user, String app, boolean allowed) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", user);
        // As Tasklist does: the page hands out a session and Camunda's CSRF token, the login must send both back.
        ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        List<String> cookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
        headers.put(HttpHeaders.COOKIE, cookies.stream().map(cookie -> cookie.split(";", 2)[0]).toList());
        cookies.stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN=")).findFirst()
                .ifPresent(cookie -> headers.set("X-XSRF-TOKEN", cookie.split(";", 2)[0].substring("XSRF-TOKEN=".length())));

        ResponseEntity<String> response = http.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);

        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s: %s", response.getStatusCode(), response.getBody()).isEqualTo(allowed);
    }

    @Test
    void tasklistPageIsServed() {
        ResponseEntity<String> response = http.getForEntity("/camunda/app/tasklist/", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("Tasklist");
    }

    @Test
    void taskQueriesWithExpressionsAreRefused() {
        ResponseEntity<String> response = as("admin").getForEntity(
                java.net.URI.create("http://localhost:" + port + "/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D"), String.class);

        assertThat(response.getStatusCode().is4xxClientError()).isTrue();
        assertThat(response.getBody()).contains("Expressions are forbidden");
    }
}
