package io.crmflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Common web attacks against the API and the dashboard's login: injection in filters, forged form posts, missing headers. */
class WebAttacksTest extends IntegrationTest {

    @Test
    void sqlInFiltersIsAValueNotSql() {
        long leads = count("leads");
        JsonNode funnel = as("admin").getForObject("/api/analytics/funnel?owner=x' or '1'='1", JsonNode.class);
        assertThat(funnel.get("stages").findValues("entered")).allSatisfy(entered -> assertThat(entered.asLong()).isZero());
        assertThat(as("admin").getForObject("/api/audit?entity=lead' or '1'='1&limit=5", JsonNode.class)).isEmpty();
        ResponseEntity<JsonNode> injected = as("mia").getForEntity("/api/leads?status=NEW;drop table leads", JsonNode.class);
        assertThat(injected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(count("leads")).isEqualTo(leads);
    }

    @Test
    void aLoginOrLogoutPostedFromAnotherSiteIsRefused() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "mia");
        form.add("password", "mia");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set(HttpHeaders.ORIGIN, "https://evil.example");

        ResponseEntity<String> forged = http.postForEntity("/login", new HttpEntity<>(form, headers), String.class);

        assertThat(forged.getStatusCode()).as("no CSRF token").isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders withItsCookie = new HttpHeaders();
        forged.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).forEach(cookie -> withItsCookie.add(HttpHeaders.COOKIE, cookie.split(";")[0]));
        // Redirected to the login form (the client follows it): nobody is logged in by that post.
        assertThat(http.exchange("/dashboard/data/me", org.springframework.http.HttpMethod.GET, new HttpEntity<>(withItsCookie), String.class)
                .getBody()).doesNotContain("\"userId\"").contains("password");
        assertThat(http.postForEntity("/logout", new HttpEntity<>(null, headers), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void responsesCarrySecurityHeaders() {
        HttpHeaders api = as("mia").getForEntity("/api/leads", String.class).getHeaders();
        assertThat(api.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.getFirst("X-Frame-Options")).isNotNull();
        assertThat(api.getCacheControl()).contains("no-store");

        HttpHeaders login = http.getForEntity("/login", String.class).getHeaders();
        assertThat(login.getFirst("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
        assertThat(login.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
