package io.crmflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    IdentityBootstrap identityBootstrap;

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

    /** docs/product.md §2: everybody works in Tasklist; Cockpit and Admin are for {@code camunda-admin} only. */
    @ParameterizedTest(name = "{0} ({1}) may open {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "admin | camunda-admin    | tasklist | true",
            "admin | camunda-admin    | cockpit  | true",
            "admin | camunda-admin    | admin    | true",
            "alice | sales-rep        | tasklist | true",
            "alice | sales-rep        | cockpit  | false",
            "alice | sales-rep        | admin    | false",
            "mia   | sales-manager    | tasklist | true",
            "mia   | sales-manager    | cockpit  | false",
            "mia   | sales-manager    | admin    | false",
            "fiona | finance          | tasklist | true",
            "fiona | finance          | cockpit  | false",
            "fiona | finance          | admin    | false",
            "leo   | legal            | tasklist | true",
            "leo   | legal            | cockpit  | false",
            "leo   | legal            | admin    | false",
            "grace | gm               | tasklist | true",
            "grace | gm               | cockpit  | false",
            "grace | gm               | admin    | false",
            "sam   | support-agent    | tasklist | true",
            "sam   | support-agent    | cockpit  | false",
            "sam   | support-agent    | admin    | false",
            "lily  | support-lead     | tasklist | true",
            "lily  | support-lead     | cockpit  | false",
            "lily  | support-lead     | admin    | false",
            "rui   | rules-owner      | tasklist | true",
            "rui   | rules-owner      | cockpit  | false",
            "rui   | rules-owner      | admin    | false",
            "pat   | process-designer | tasklist | true",
            "pat   | process-designer | cockpit  | false",
            "pat   | process-designer | admin    | false"})
    void webappLoginFollowsGroupAuthorizations(String user, String group, String app, boolean allowed) {
        assertThat(webappLogin(user, app).getStatusCode().is2xxSuccessful()).as("%s of %s opens %s", user, group, app).isEqualTo(allowed);
    }

    /**
     * An older crmflow granted Cockpit to gm, rules owners and process designers, and designers everything on every
     * process: a database that has those grants loses them on the next start, and the start after changes nothing.
     */
    @Test
    void grantsOfEarlierVersionsAreRevokedOnStart() {
        grant("gm", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant("rules-owner", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant("process-designer", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        authorizationService.deleteAuthorization(authorizationService.createAuthorizationQuery().groupIdIn("process-designer")
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(Authorization.ANY).singleResult().getId());
        grant("process-designer", Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.ALL);
        grant("process-designer", Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
        assertThat(webappLogin("grace", "cockpit").getStatusCode().is2xxSuccessful()).as("the old grant works").isTrue();

        identityBootstrap.run(null);
        List<Authorization> afterFirstStart = authorizationService.createAuthorizationQuery().list();
        identityBootstrap.run(null);

        assertThat(authorizationService.createAuthorizationQuery().list()).as("a second start changes nothing")
                .extracting(Authorization::getId).containsExactlyInAnyOrderElementsOf(afterFirstStart.stream().map(Authorization::getId).toList());
        for (String user : List.of("grace", "rui", "pat")) {
            assertThat(webappLogin(user, "cockpit").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(webappLogin(user, "tasklist").getStatusCode().is2xxSuccessful()).as(user).isTrue();
        }
        List<String> designer = List.of("process-designer");
        assertThat(authorizationService.isUserAuthorized("pat", designer, Permissions.READ, Resources.PROCESS_DEFINITION)).isTrue();
        assertThat(authorizationService.isUserAuthorized("pat", designer, Permissions.CREATE, Resources.DEPLOYMENT)).isTrue();
        assertThat(authorizationService.isUserAuthorized("pat", designer, Permissions.READ_TASK, Resources.PROCESS_DEFINITION))
                .as("designers no longer read every task").isFalse();
        assertThat(authorizationService.isUserAuthorized("pat", designer, Permissions.UPDATE_TASK, Resources.PROCESS_DEFINITION))
                .as("nor complete anyone's").isFalse();
        assertThat(authorizationService.isUserAuthorized("pat", designer, Permissions.READ, Resources.PROCESS_INSTANCE)).isFalse();
    }

    private void grant(String group, Resources resource, String resourceId, Permissions permission) {
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizationService.saveAuthorization(authorization);
    }

    /** Logs in to a Camunda webapp as its login page does: with the session and CSRF token the page handed out. */
    private ResponseEntity<String> webappLogin(String user, String app) {
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

        return http.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST, new HttpEntity<>(form, headers),
                String.class);
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
