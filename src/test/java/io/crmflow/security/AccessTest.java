package io.crmflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmflow.IntegrationTest;
import io.crmflow.SignedInBrowser;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Who gets in where: API, REST engine, webapps, OpenAPI and health. */
class AccessTest extends IntegrationTest {

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    IdentityBootstrap identityBootstrap;

    @Autowired
    ObjectMapper json;

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
    void webappLoginFollowsGroupAuthorizations(String user, String group, String app, boolean allowed) throws Exception {
        assertThat(opensWebapp(user, app)).as("%s of %s opens %s", user, group, app).isEqualTo(allowed);
    }

    /**
     * An older crmflow granted Cockpit to gm, rules owners and process designers, and designers everything on every
     * process: a database that has those grants loses them on the next start, and the start after changes nothing.
     */
    @Test
    void grantsOfEarlierVersionsAreRevokedOnStart() throws Exception {
        grant("gm", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant("rules-owner", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant("process-designer", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        authorizationService.deleteAuthorization(authorizationService.createAuthorizationQuery().groupIdIn("process-designer")
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(Authorization.ANY).singleResult().getId());
        grant("process-designer", Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.ALL);
        grant("process-designer", Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
        assertThat(opensWebapp("grace", "cockpit")).as("the old grant works").isTrue();

        identityBootstrap.run(null);
        List<Authorization> afterFirstStart = authorizationService.createAuthorizationQuery().list();
        identityBootstrap.run(null);

        assertThat(authorizationService.createAuthorizationQuery().list()).as("a second start changes nothing")
                .extracting(Authorization::getId).containsExactlyInAnyOrderElementsOf(afterFirstStart.stream().map(Authorization::getId).toList());
        for (String user : List.of("grace", "rui", "pat")) {
            assertThat(opensWebapp(user, "cockpit")).as(user).isFalse();
            assertThat(opensWebapp(user, "tasklist")).as(user).isTrue();
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

    /**
     * Signs in once as crmflow's sign-in page does and asks Camunda which of its webapps the session may open: the
     * webapps take the person from that session, with Camunda's application authorizations of their groups.
     */
    private boolean opensWebapp(String user, String app) throws Exception {
        SignedInBrowser browser = new SignedInBrowser(port);
        browser.signIn(user);
        // A webapp page takes the person over from the session (Camunda's container-based authentication).
        assertThat(browser.get("/camunda/app/welcome/default/").statusCode()).isEqualTo(HttpStatus.OK.value());
        JsonNode session = json.readTree(browser.get("/camunda/api/admin/auth/user/default").body());
        return StreamSupport.stream(session.get("authorizedApps").spliterator(), false).anyMatch(name -> name.asText().equals(app));
    }

    @Test
    void tasklistIsServedAfterTheOneSignInAndAStrangerIsSentThere() throws Exception {
        HttpResponse<String> stranger = new SignedInBrowser(port).get("/camunda/app/tasklist/default/");
        assertThat(stranger.statusCode()).isEqualTo(HttpStatus.FOUND.value());
        assertThat(stranger.headers().firstValue(HttpHeaders.LOCATION)).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));

        SignedInBrowser alice = new SignedInBrowser(port);
        alice.signIn("alice");
        HttpResponse<String> tasklist = alice.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(HttpStatus.OK.value());
        assertThat(tasklist.body()).contains("Tasklist");
        assertThat(json.readTree(alice.get("/camunda/api/admin/auth/user/default").body()).get("userId").asText())
                .as("Tasklist knows who signed in, without a login of its own").isEqualTo("alice");
    }

    @Test
    void taskQueriesWithExpressionsAreRefused() {
        ResponseEntity<String> response = as("admin").getForEntity(
                java.net.URI.create("http://localhost:" + port + "/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D"), String.class);

        assertThat(response.getStatusCode().is4xxClientError()).isTrue();
        assertThat(response.getBody()).contains("Expressions are forbidden");
    }
}
