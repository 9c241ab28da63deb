package io.crmflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmflow.HeadlessChromium;
import io.crmflow.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19's "done when", on a company's first day: a real crmflow node (a JVM of its own) with the {@code postgres} profile
 * as an operator runs it, on a new, empty PostgreSQL database — no demo users, no demo customers, nothing but what the
 * application creates itself. The first administrator is set up as Camunda's admin page asks for it, then people and the
 * sales team; a manager enters a customer with two contacts and imports 1 000 more from CSV; a lead for the first company is
 * qualified and joins that customer instead of making a new one; support files a ticket for it; the owner sees all of it in
 * {@code /api/customers/{id}/360} and on the customer page in headless Chromium (screenshot
 * {@code target/screenshots/new-company-customer-360.png}).
 *
 * <p>A {@code *BrowserTest}, so it runs once, with {@code -Pbrowser} (CI), not in both database suites; it needs PostgreSQL
 * at 127.0.0.1:5432 like the cluster tests. About a minute, most of it the node's first start on the empty database.
 */
class NewCompanyCustomerJourneyBrowserTest {

    private static final int IMPORTED = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CrmflowNode node;

    @Test
    void aNewCompanyEntersImportsQualifiesFilesATicketAndSeesItAllOnTheCustomerPage() throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create(TestDatabase.SERVER);
             CrmflowNode started = CrmflowNode.startAsShipped("new-company", database.jdbcUrl());
             HeadlessChromium chromium = HeadlessChromium.start()) {
            node = started;
            assertThat(database.jdbc().sql("select count(*) from customer").query(Long.class).single()).as("nothing to start with").isZero();
            setUpThePeople();

            long id = created(call("mia", "POST", "/api/customers", Map.of("name", "绍兴市中心医院", "region", "EAST", "industry", "HOSPITAL",
                    "owner", "alice"))).get("id").asLong();
            created(call("alice", "POST", "/api/customers/" + id + "/contacts", Map.of("name", "沈院长", "role", "DECISION_MAKER",
                    "phone", "13905750001")));
            created(call("alice", "POST", "/api/customers/" + id + "/contacts", Map.of("name", "陆科长", "role", "PURCHASER",
                    "email", "lu@sxzx.example")));

            StringBuilder csv = new StringBuilder("name,industry,region,owner\n");
            for (int row = 0; row < IMPORTED; row++) {
                csv.append("导入客户").append(row).append(",PHARMACY,EAST,").append(row % 2 == 0 ? "alice" : "bob").append('\n');
            }
            JsonNode report = ok(send("mia", "POST", "/api/customers/import", "text/csv; charset=UTF-8", csv.toString()));
            assertThat(report.get("created").asInt()).as(String.valueOf(report.get("rows"))).isEqualTo(IMPORTED);
            assertThat(report.get("rejected").asInt()).isZero();
            assertThat(ok(call("mia", "GET", "/api/customers?size=1", null)).get("total").asInt()).isEqualTo(IMPORTED + 1);

            JsonNode lead = created(call("mia", "POST", "/api/leads", Map.of("name", "沈院长", "company", " 绍兴市中心医院有限公司 ",
                    "phone", "139-0575-0001", "source", "REFERRAL", "region", "EAST", "industry", "HOSPITAL", "productLine", "DEVICES",
                    "visits30d", 10, "dwellSeconds", 600)));
            long leadId = lead.get("id").asLong();
            ok(call("mia", "POST", "/api/leads/" + leadId + "/contact", Map.of("contactChannel", "PHONE", "contactNote", "约了院长面谈")));
            ok(call("mia", "POST", "/api/leads/" + leadId + "/qualify", Map.of("qualificationNote", "采购 10 台监护仪")));
            assertThat(ok(call("mia", "GET", "/api/customers?q=绍兴", null)).get("total").asInt())
                    .as("the lead joined the customer instead of making a new one").isEqualTo(1);

            created(call("sam", "POST", "/api/tickets", Map.of("customerId", id, "severity", "HIGH", "channel", "PHONE",
                    "subject", "监护仪报警", "description", "新装监护仪反复报警")));

            JsonNode view = ok(call("alice", "GET", "/api/customers/" + id + "/360", null));
            assertThat(view.get("customer").get("owner").asText()).as("the existing customer keeps its owner").isEqualTo("alice");
            assertThat(view.get("customer").get("contacts").findValuesAsText("name")).as("the lead's person is a contact already (same phone)")
                    .containsExactlyInAnyOrder("沈院长", "陆科长");
            assertThat(view.get("customer").get("tierDecision").get("ruleSetVersion").asText()).isNotBlank();
            assertThat(view.get("leads").findValuesAsText("id")).containsExactly(String.valueOf(leadId));
            assertThat(view.get("customer").get("opportunities")).hasSize(1);
            assertThat(view.get("tickets").findValuesAsText("subject")).containsExactly("监护仪报警");
            assertThat(view.get("tickets").get(0).get("firstResponse").asText()).isEqualTo("RUNNING");
            List<Instant> times = new ArrayList<>();
            view.get("timeline").forEach(entry -> times.add(Instant.parse(entry.get("occurredAt").asText())));
            assertThat(view.get("timeline").findValuesAsText("source")).contains("CUSTOMER", "LEAD", "OPPORTUNITY", "TICKET");
            assertThat(times).as("newest first").isSortedAccordingTo((first, second) -> second.compareTo(first));
            assertThat(call("bob", "GET", "/api/customers/" + id + "/360", null).statusCode()).as("not bob's customer").isEqualTo(404);

            seeItOnTheCustomerPage(chromium, id);
        } finally {
            node = null;
        }
    }

    /**
     * As docs/operations.md tells an operator: the first administrator through Camunda's admin page (which offers this only
     * while there is none), then the people in their groups, the reps' profiles and the region's manager.
     */
    private void setUpThePeople() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        browser.send(HttpRequest.newBuilder(node.uri("/camunda/app/admin/default/")).build(), HttpResponse.BodyHandlers.discarding());
        String xsrf = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        HttpResponse<String> setup = browser.send(HttpRequest.newBuilder(node.uri("/camunda/api/admin/setup/default/user/create"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user("admin")))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(setup.statusCode()).as(setup.body()).isEqualTo(204);

        for (Map.Entry<String, String> person : Map.of("mia", "sales-manager", "alice", "sales-rep", "bob", "sales-rep",
                "sam", "support-agent").entrySet()) {
            assertThat(call("admin", "POST", "/engine-rest/user/create", user(person.getKey())).statusCode()).isEqualTo(204);
            assertThat(call("admin", "PUT", "/engine-rest/group/" + person.getValue() + "/members/" + person.getKey(), null).statusCode())
                    .isEqualTo(204);
        }
        for (String rep : List.of("alice", "bob")) {
            ok(call("admin", "PUT", "/api/team/reps/" + rep, Map.of("regions", List.of("EAST"), "productLines", List.of("DEVICES"),
                    "industries", List.of("HOSPITAL", "PHARMACY"), "capacity", 50)));
        }
        ok(call("admin", "PUT", "/api/team/managers/EAST", Map.of("userId", "mia")));
    }

    private static Map<String, Object> user(String id) {
        return Map.of("profile", Map.of("id", id, "firstName", id, "lastName", "Test", "email", id + "@new-company.example"),
                "credentials", Map.of("password", password(id)));
    }

    private static String password(String user) {
        return user + "-first-day";
    }

    /** alice signs in on the page and finds on it what the API showed. */
    private void seeItOnTheCustomerPage(HeadlessChromium chromium, long id) throws IOException {
        ChromeDriver browser = chromium.browser();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(node.uri("/customers/" + id).toString());
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys(password("alice"));
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(driver -> driver.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
        // The page once more on its own, so that what the browser reports is about it, not about the sign-in page.
        chromium.consoleErrors();
        browser.navigate().refresh();
        wait.until(driver -> driver.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);

        assertThat(browser.findElement(By.id("customer-name")).getText()).isEqualTo("绍兴市中心医院");
        assertThat(texts(browser, "#contacts-table tbody tr")).anyMatch(row -> row.contains("沈院长") && row.contains("13905750001"))
                .anyMatch(row -> row.contains("陆科长") && row.contains("lu@sxzx.example"));
        assertThat(texts(browser, "#leads-table tbody tr")).singleElement().asString().contains("沈院长");
        assertThat(texts(browser, "#opportunities-table tbody tr")).hasSize(1);
        assertThat(texts(browser, "#tickets-table tbody tr")).singleElement().asString().contains("监护仪报警");
        assertThat(String.join("\n", texts(browser, "#timeline-table tbody tr"))).contains("客户 #" + id, "线索 #", "商机 #", "工单 #");
        assertThat(chromium.consoleErrors()).isEmpty();
        chromium.screenshot("new-company-customer-360");
    }

    private static List<String> texts(ChromeDriver browser, String selector) {
        return browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    private HttpResponse<String> call(String user, String method, String path, Object body) throws Exception {
        return send(user, method, path, "application/json", body == null ? null : JSON.writeValueAsString(body));
    }

    private HttpResponse<String> send(String user, String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(encoded(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Query values with Chinese text, as a browser sends them. */
    private static String encoded(String path) {
        return URI.create("http://x" + path).toASCIIString().substring("http://x".length());
    }

    private static JsonNode ok(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode created(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + ": " + response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }
}
