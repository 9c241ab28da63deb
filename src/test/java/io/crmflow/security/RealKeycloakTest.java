package io.crmflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.HeadlessChromium;
import io.crmflow.Tasklist;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The {@code keycloak} profile against a real Keycloak ({@link KeycloakServer}) with the shipped realm: tokens from
 * Keycloak open {@code /api} and {@code /engine-rest} with the user's Keycloak groups; Camunda reads users and groups
 * from Keycloak (identity plugin); people log in to Tasklist and the dashboard at Keycloak in Chromium; tokens that
 * are forged, expired or from another realm get 401. Runs with {@code mvnw verify -Pkeycloak} in its own JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The realm file's trial secrets; a real installation sets its own (CRMFLOW_KEYCLOAK_*_SECRET).
        "crmflow.keycloak.client-secret=crmflow-webapp-secret-change-me",
        "crmflow.keycloak.identity-client-secret=crmflow-identity-secret-change-me",
        // Expired means expired: the short-lived token below must not pass on the default tolerance of 30 s.
        "crmflow.keycloak.clock-skew=0s"})
@ActiveProfiles({"test", "keycloak"})
class RealKeycloakTest {

    private static final int SHORT_TOKEN_LIFESPAN_SECONDS = 8;

    private static KeycloakServer keycloak;

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry properties) throws IOException, InterruptedException {
        keycloak = KeycloakServer.start();
        properties.add("crmflow.keycloak.url", () -> keycloak.url().toString());
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void keycloakTokensOpenTheApiAndTheEngineWithTheUsersGroups() {
        String alice = token("crmflow", "crmflow-cli", "alice");
        String bob = token("crmflow", "crmflow-cli", "bob");
        JsonNode lead = newLeadForAlice();
        String leadId = lead.get("id").asText();
        assertThat(lead.get("owner").asText()).isEqualTo("alice");

        // Row rules follow the token's user: alice reads her lead, bob (same region, not the owner) does not see it.
        assertThat(get(alice, "/api/leads/" + leadId).getStatusCode().value()).isEqualTo(200);
        assertThat(get(bob, "/api/leads/" + leadId).getStatusCode().value()).isEqualTo(404);

        // Camunda's authorizations follow it too: the contact task is alice's, bob's task list does not have it.
        String tasksOfLead = "/engine-rest/task?processInstanceId=" + lead.get("processInstanceId").asText();
        assertThat(body(get(alice, tasksOfLead)).findValuesAsText("assignee")).containsExactly("alice");
        assertThat(body(get(bob, tasksOfLead))).isEmpty();

        // Camunda takes users and groups from Keycloak (identity plugin, read-only).
        assertThat(body(get(alice, "/engine-rest/identity/groups?userId=alice")).findValuesAsText("id")).contains("sales-rep");
        assertThat(body(get(alice, "/engine-rest/user?id=alice")).get(0).get("email").asText()).isEqualTo("alice@crmflow.example");

        // Groups decide what the engine allows: pat (process-designer) deploys, alice (sales-rep) may not.
        assertThat(deploy(token("crmflow", "crmflow-cli", "pat")).getStatusCode().value()).isEqualTo(200);
        assertThat(deploy(alice).getStatusCode().value()).isEqualTo(403);
        // … and what crmflow's API allows: the audit log is for administrators.
        assertThat(get(token("crmflow", "crmflow-cli", "admin"), "/api/audit?entity=lead&id=" + leadId).getStatusCode().value()).isEqualTo(200);
        assertThat(get(alice, "/api/audit?entity=lead&id=" + leadId).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void forgedExpiredAndForeignTokensAre401() throws Exception {
        String alice = token("crmflow", "crmflow-cli", "alice");
        String[] parts = alice.split("\\.");
        ObjectNode claims = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.put("preferred_username", "admin").putArray("groups").add("camunda-admin");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(claims)) + "." + parts[2];
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";

        createRealmWithAlice("elsewhere");
        String foreign = token("elsewhere", "crmflow-cli", "alice");

        createShortLivedClient();
        String shortLived = token("crmflow", "crmflow-short-lived", "alice");
        assertThat(get(shortLived, "/api/leads").getStatusCode().value()).isEqualTo(200);
        long expiry = json.readTree(Base64.getUrlDecoder().decode(shortLived.split("\\.")[1])).get("exp").asLong();
        while (Instant.now().getEpochSecond() <= expiry) {
            Thread.sleep(250);
        }

        for (String token : List.of(tampered, unsigned, foreign, shortLived, "not-a-token")) {
            for (String path : List.of("/api/leads", "/engine-rest/task")) {
                ResponseEntity<String> answer = get(token, path);
                assertThat(answer.getStatusCode().value()).as(path).isEqualTo(401);
                assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
            }
        }
        assertThat(http().get().uri("/api/leads").retrieve().onStatus(HttpStatusCode::isError, (request, response) -> { })
                .toEntity(String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aliceLogsInToTasklistAtKeycloakAndCompletesHerTask() throws Exception {
        allowRedirectsTo("http://localhost:" + port + "/*");
        JsonNode lead = newLeadForAlice();
        String company = lead.get("company").asText();
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver browser = chromium.browser();
            Tasklist tasklist = new Tasklist(browser, port);
            browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
            logInAtKeycloak(tasklist, "alice");
            tasklist.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters .task-filter")));
            chromium.screenshot("keycloak-01-alice-in-tasklist");

            tasklist.openTask(company);
            tasklist.awaitFormShowing(company);
            tasklist.choose("Field_contactChannel", "Phone");
            tasklist.type("Field_contactNote", "Logged in through Keycloak");
            tasklist.complete();
            // The engine knew who completed it: the Tasklist session is alice's, and so is the timeline entry.
            String alice = token("crmflow", "crmflow-cli", "alice");
            String timeline = "/api/leads/" + lead.get("id").asText() + "/timeline";
            tasklist.await().until(driver -> contactEntry(body(get(alice, timeline))) != null);
            assertThat(contactEntry(body(get(alice, timeline))).get("actor").asText()).isEqualTo("alice");

            // The same Keycloak session opens the dashboard, with alice's identity and groups (and her name from Keycloak).
            browser.get("http://localhost:" + port + "/dashboard");
            tasklist.await().until(driver -> driver.findElement(By.id("viewer")).getText().contains("Alice Wang"));
            chromium.screenshot("keycloak-02-alice-on-dashboard");

            // Tasklist's own Log out ends the Keycloak session too: Keycloak asks for a login again, for the dashboard as well.
            browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
            tasklist.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account a.dropdown-toggle"))).click();
            tasklist.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout a"))).click();
            awaitKeycloakLogin(tasklist);
            chromium.screenshot("keycloak-03-logged-out-of-tasklist");
            browser.get("http://localhost:" + port + "/dashboard");
            awaitKeycloakLogin(tasklist);

            // So does the dashboard's.
            logInAtKeycloak(tasklist, "alice");
            tasklist.await().until(driver -> driver.findElement(By.id("viewer")).getText().contains("Alice Wang"));
            browser.findElement(By.id("logout")).click();
            awaitKeycloakLogin(tasklist);
            browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
            awaitKeycloakLogin(tasklist);
            chromium.screenshot("keycloak-04-logged-out-of-dashboard");
        }
    }

    private static JsonNode contactEntry(JsonNode timeline) {
        for (JsonNode entry : timeline) {
            if (entry.path("detail").asText().contains("Logged in through Keycloak")) {
                return entry;
            }
        }
        return null;
    }

    /** Keycloak's own login page, not Camunda's login form (which has a user name field too). */
    private static void awaitKeycloakLogin(Tasklist tasklist) {
        tasklist.await().until(ExpectedConditions.urlMatches("^" + Pattern.quote(keycloak.url().toString())));
        tasklist.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
    }

    private static void logInAtKeycloak(Tasklist tasklist, String user) {
        tasklist.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        tasklist.await().until(driver -> {
            driver.findElement(By.id("username")).clear();
            driver.findElement(By.id("username")).sendKeys(user);
            driver.findElement(By.id("password")).clear();
            driver.findElement(By.id("password")).sendKeys(user);
            return user.equals(driver.findElement(By.id("password")).getDomProperty("value"));
        });
        tasklist.await().until(ExpectedConditions.elementToBeClickable(By.id("kc-login"))).click();
    }

    private JsonNode newLeadForAlice() {
        String company = "Keycloak Clinic " + Long.toHexString(System.nanoTime());
        String phone = String.format("+86 139 %08d", System.nanoTime() % 100_000_000L);
        return body(http().post().uri("/api/leads").headers(headers -> headers.setBearerAuth(token("crmflow", "crmflow-cli", "mia")))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "林医生", "company", company, "email", company.replace(' ', '.') + "@example.cn", "phone", phone,
                        "source", "REFERRAL", "region", "EAST", "industry", "CLINIC", "productLine", "DEVICES", "visits30d", 5, "dwellSeconds", 300))
                .retrieve().toEntity(String.class));
    }

    private ResponseEntity<String> deploy(String token) {
        String processId = "Process_KeycloakDeploy" + Long.toHexString(System.nanoTime());
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="http://crmflow.io/test">
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="StartEvent_Started"/>
                  </process>
                </definitions>
                """.formatted(processId);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", processId);
        form.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return processId + ".bpmn";
            }
        });
        return http().post().uri("/engine-rest/deployment/create").headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> { }).toEntity(String.class);
    }

    private ResponseEntity<String> get(String token, String path) {
        return http().get().uri(path).headers(headers -> headers.setBearerAuth(token))
                .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> { }).toEntity(String.class);
    }

    private JsonNode body(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
        try {
            return json.readTree(answer.getBody());
        } catch (IOException notJson) {
            throw new AssertionError(answer.getBody(), notJson);
        }
    }

    private RestClient http() {
        return RestClient.create("http://localhost:" + port);
    }

    // ---- Keycloak: tokens by the password grant, and what the test sets up through Keycloak's admin API ----

    private static RestClient keycloakHttp() {
        return RestClient.create(keycloak.url().toString());
    }

    private String token(String realm, String client, String user) {
        return passwordGrant(realm, client, user, user);
    }

    private String passwordGrant(String realm, String client, String user, String password) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "password");
        form.add("client_id", client);
        form.add("username", user);
        form.add("password", password);
        JsonNode answer = keycloakHttp().post().uri("/realms/{realm}/protocol/openid-connect/token", realm)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(JsonNode.class);
        return answer.get("access_token").asText();
    }

    private RestClient.RequestBodySpec admin(org.springframework.http.HttpMethod method, String path, Object... variables) {
        String adminToken = passwordGrant("master", "admin-cli", KeycloakServer.ADMIN, KeycloakServer.ADMIN_PASSWORD);
        return keycloakHttp().method(method).uri("/admin/realms" + path, variables).headers(headers -> headers.setBearerAuth(adminToken))
                .contentType(MediaType.APPLICATION_JSON);
    }

    private JsonNode realmClient(String clientId) {
        return admin(HttpMethod.GET, "/crmflow/clients?clientId={clientId}", clientId).retrieve().body(JsonNode.class).get(0);
    }

    /** crmflow-cli's representation without its ids and its mappers' ids, to create a client like it. */
    private ObjectNode copyOfCliClient() {
        ObjectNode client = (ObjectNode) realmClient("crmflow-cli");
        client.remove("id");
        ((ArrayNode) client.get("protocolMappers")).forEach(mapper -> ((ObjectNode) mapper).remove("id"));
        return client;
    }

    /** The test's own address as a redirect target of the webapp client (the realm lists http://localhost:8080). */
    private void allowRedirectsTo(String pattern) {
        ObjectNode webapp = (ObjectNode) realmClient("crmflow-webapp");
        webapp.withArray("redirectUris").add(pattern);
        webapp.with("attributes").put("post.logout.redirect.uris", pattern);
        admin(HttpMethod.PUT, "/crmflow/clients/{id}", webapp.get("id").asText()).body(webapp).retrieve().toBodilessEntity();
    }

    /** Like crmflow-cli (same audience and group claims) but its tokens live one second. */
    private void createShortLivedClient() {
        ObjectNode client = copyOfCliClient();
        client.put("clientId", "crmflow-short-lived");
        // Keycloak's exp is whole seconds from a rounded-down iat, so a 1 s lifespan could end before the first call lands.
        client.with("attributes").put("access.token.lifespan", String.valueOf(SHORT_TOKEN_LIFESPAN_SECONDS));
        admin(HttpMethod.POST, "/crmflow/clients").body(client).retrieve().toBodilessEntity();
    }

    /** A realm with the same client and a user alice: its tokens look right but are signed with other keys. */
    private void createRealmWithAlice(String realm) {
        ObjectNode client = copyOfCliClient();
        Map<String, Object> representation = Map.of("realm", realm, "enabled", true, "clients", List.of(client),
                "users", List.of(Map.of("username", "alice", "enabled", true, "email", "alice@elsewhere.example", "emailVerified", true,
                        "firstName", "Alice", "lastName", "Elsewhere",
                        "credentials", List.of(Map.of("type", "password", "value", "alice", "temporary", false)))));
        admin(HttpMethod.POST, "").body(representation).retrieve().toBodilessEntity();
    }
}
