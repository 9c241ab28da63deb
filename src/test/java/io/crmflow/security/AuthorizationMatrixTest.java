package io.crmflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmflow.IntegrationTest;
import io.crmflow.SignedInBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Who may do what (docs/product.md §2, §8), in one table: each role against each endpoint group, reading their own record, reading
 * someone else's, and writing. {LEAD_ALICE}, {OPP_CHEN}… name records made for this test; a record a caller may not see
 * answers 404, exactly like one that does not exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends IntegrationTest {

    private final Map<String, String> records = new HashMap<>();

    @Autowired
    ObjectMapper json;

    @BeforeAll
    void records() {
        records.put("LEAD_ALICE", lead("EAST", "CLINIC", "alice"));
        records.put("LEAD_CHEN", lead("SOUTH", "HOSPITAL", "chen"));
        records.put("OPP_ALICE", opportunity("alice", "EAST"));
        records.put("OPP_CHEN", opportunity("chen", "SOUTH"));
        JsonNode ticket = as("sam").postForObject("/api/tickets", Map.of("customerId", jdbc.sql("select id from customer where name = ?")
                .param("上海仁济医疗器械有限公司").query(Long.class).single(), "severity", "LOW", "channel", "EMAIL", "subject",
                unique("发票"), "description", "请重开发票 ZQX-" + unique("m")), JsonNode.class);
        records.put("TICKET_OF_ALICES_CUSTOMER", ticket.get("id").asText());
        records.put("CUSTOMER_ALICE", as("alice").postForObject("/api/customers", Map.of("name", unique("权限客户"), "region", "EAST"),
                JsonNode.class).get("id").asText());
        records.put("PHARMACY_ALICE", as("alice").postForObject("/api/customers", Map.of("name", unique("权限药房"), "region", "EAST",
                "industry", "PHARMACY"), JsonNode.class).get("id").asText());
    }

    @ParameterizedTest(name = "{0} {1} {2} → {4}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            // ---- leads: a rep their own, a manager their regions, admin all; finance, legal, GM and support none
            "alice | GET   | /api/leads/{LEAD_ALICE}                    | none                      | 200",
            "alice | GET   | /api/leads/{LEAD_CHEN}                     | none                      | 404",
            "chen  | GET   | /api/leads/{LEAD_CHEN}                     | none                      | 200",
            "mia   | GET   | /api/leads/{LEAD_ALICE}                    | none                      | 200",
            "noah  | GET   | /api/leads/{LEAD_ALICE}                    | none                      | 404",
            "fiona | GET   | /api/leads/{LEAD_ALICE}                    | none                      | 404",
            "sam   | GET   | /api/leads/{LEAD_ALICE}                    | none                      | 404",
            "admin | GET   | /api/leads/{LEAD_CHEN}                     | none                      | 200",
            "alice | POST  | /api/leads/{LEAD_CHEN}/dispatch            | {\"rep\":\"alice\"}       | 404",
            "chen  | POST  | /api/leads/{LEAD_CHEN}/dispatch            | {\"rep\":\"chen\"}        | 403",
            // lead steps: the owner, the region's manager and admin get past access (409: the leads wait to be contacted)
            "chen  | POST  | /api/leads/{LEAD_CHEN}/qualify             | {}                        | 409",
            "mia   | POST  | /api/leads/{LEAD_ALICE}/disqualify         | {\"disqualifyReason\":\"NO_NEED\"} | 409",
            "admin | POST  | /api/leads/{LEAD_CHEN}/nurture             | {}                        | 409",
            "alice | POST  | /api/leads/{LEAD_CHEN}/contact             | {\"contactChannel\":\"PHONE\",\"contactNote\":\"called them\"} | 404",
            "noah  | POST  | /api/leads/{LEAD_ALICE}/qualify            | {}                        | 404",
            "fiona | POST  | /api/leads/{LEAD_ALICE}/nurture            | {}                        | 404",
            "sam   | POST  | /api/leads/{LEAD_ALICE}/disqualify         | {\"disqualifyReason\":\"NO_NEED\"} | 404",
            "pat   | POST  | /api/leads/{LEAD_CHEN}/contact             | {\"contactChannel\":\"PHONE\",\"contactNote\":\"called them\"} | 404",
            // ---- opportunities
            "alice | GET   | /api/opportunities/{OPP_ALICE}             | none                      | 200",
            "alice | GET   | /api/opportunities/{OPP_CHEN}              | none                      | 404",
            "mia   | GET   | /api/opportunities/{OPP_CHEN}              | none                      | 200",
            "noah  | GET   | /api/opportunities/{OPP_CHEN}              | none                      | 404",
            "leo   | GET   | /api/opportunities/{OPP_CHEN}              | none                      | 404",
            "alice | PATCH | /api/opportunities/{OPP_ALICE}             | {\"budget\":100000}       | 200",
            "alice | PATCH | /api/opportunities/{OPP_CHEN}              | {\"budget\":100000}       | 404",
            "mia   | PATCH | /api/opportunities/{OPP_CHEN}              | {\"budget\":120000}       | 200",
            "grace | PATCH | /api/opportunities/{OPP_CHEN}              | {\"budget\":130000}       | 404",
            "admin | GET   | /api/opportunities/{OPP_CHEN}/timeline     | none                      | 200",
            // ---- tickets: the service desk and the customer's account owner
            "sam   | GET   | /api/tickets/{TICKET_OF_ALICES_CUSTOMER}   | none                      | 200",
            "lily  | GET   | /api/tickets/{TICKET_OF_ALICES_CUSTOMER}   | none                      | 200",
            "alice | GET   | /api/tickets/{TICKET_OF_ALICES_CUSTOMER}   | none                      | 200",
            "bob   | GET   | /api/tickets/{TICKET_OF_ALICES_CUSTOMER}   | none                      | 404",
            // ---- customers: owner, the region's manager and admin change; support and finance read; others nothing
            "alice | GET   | /api/customers/{CUSTOMER_ALICE}            | none                      | 200",
            "bob   | GET   | /api/customers/{CUSTOMER_ALICE}            | none                      | 404",
            "mia   | GET   | /api/customers/{CUSTOMER_ALICE}            | none                      | 200",
            "noah  | GET   | /api/customers/{CUSTOMER_ALICE}            | none                      | 404",
            "sam   | GET   | /api/customers/{CUSTOMER_ALICE}/contacts   | none                      | 200",
            "fiona | GET   | /api/customers/{CUSTOMER_ALICE}            | none                      | 200",
            "leo   | GET   | /api/customers/{CUSTOMER_ALICE}            | none                      | 404",
            "grace | GET   | /api/customers/{CUSTOMER_ALICE}/decisions  | none                      | 404",
            "sam   | POST  | /api/customers/{CUSTOMER_ALICE}/contacts   | {\"name\":\"x\"}        | 403",
            "bob   | POST  | /api/customers/{CUSTOMER_ALICE}/contacts   | {\"name\":\"x\"}        | 404",
            "alice | PUT   | /api/customers/{CUSTOMER_ALICE}/tier-pin   | {\"tier\":\"A\",\"reason\":\"x\"} | 403",
            "noah  | DELETE | /api/customers/{CUSTOMER_ALICE}/tier-pin  | none                      | 404",
            "sam   | POST  | /api/customers                             | {\"name\":\"x\",\"region\":\"EAST\"} | 403",
            // ---- the customer 360 view: as the customer; sections per role are asserted in Customer360ApiTest
            "alice | GET   | /api/customers/{CUSTOMER_ALICE}/360        | none                      | 200",
            "mia   | GET   | /api/customers/{CUSTOMER_ALICE}/360        | none                      | 200",
            "sam   | GET   | /api/customers/{CUSTOMER_ALICE}/360        | none                      | 200",
            "fiona | GET   | /api/customers/{CUSTOMER_ALICE}/360        | none                      | 200",
            "bob   | GET   | /api/customers/{CUSTOMER_ALICE}/360        | none                      | 404",
            "leo   | GET   | /api/customers/{CUSTOMER_ALICE}/360        | none                      | 404",
            "none  | GET   | /api/customers/{CUSTOMER_ALICE}/360        | none                      | 401",
            "mia   | GET   | /api/audit?entity=customer&id={CUSTOMER_ALICE} | none                  | 200",
            "alice | PUT   | /api/customers/{CUSTOMER_ALICE}/tags       | {\"tags\":[]}             | 200",
            "sam   | PUT   | /api/customers/{CUSTOMER_ALICE}/tags       | {\"tags\":[]}             | 403",
            "bob   | PUT   | /api/customers/{CUSTOMER_ALICE}/tags       | {\"tags\":[]}             | 404",
            "alice | POST  | /api/customer-tags                         | {\"name\":\"x\",\"label\":\"x\"} | 403",
            "sam   | GET   | /api/customer-tags                         | none                      | 200",
            "noah  | GET   | /api/audit?entity=customer&id={CUSTOMER_ALICE} | none                  | 404",
            // ---- activities: seen where the customer is; recorded by the owner, the region's manager and admin
            "alice | GET   | /api/customers/{CUSTOMER_ALICE}/activities | none                      | 200",
            "mia   | GET   | /api/customers/{CUSTOMER_ALICE}/activities | none                      | 200",
            "sam   | GET   | /api/customers/{CUSTOMER_ALICE}/activities | none                      | 200",
            "bob   | GET   | /api/customers/{CUSTOMER_ALICE}/activities | none                      | 404",
            "noah  | GET   | /api/customers/{CUSTOMER_ALICE}/activities | none                      | 404",
            "sam   | POST  | /api/customers/{CUSTOMER_ALICE}/activities | {\"kind\":\"CALL\",\"occurredAt\":\"2026-11-30T02:00:00Z\"} | 403",
            "bob   | POST  | /api/customers/{CUSTOMER_ALICE}/activities | {\"kind\":\"CALL\",\"occurredAt\":\"2026-11-30T02:00:00Z\"} | 404",
            "alice | POST  | /api/customers/{CUSTOMER_ALICE}/activities | {\"kind\":\"CALL\",\"occurredAt\":\"2026-11-30T02:00:00Z\"} | 201",
            "none  | GET   | /api/customers/{CUSTOMER_ALICE}/activities | none                      | 401",
            // ---- pharmacy visits: started by the owner, the region's manager and admin; the board for everyone in sales
            "sam   | POST  | /api/customers/{PHARMACY_ALICE}/pharmacy-visits | none                 | 403",
            "bob   | POST  | /api/customers/{PHARMACY_ALICE}/pharmacy-visits | none                 | 404",
            "alice | POST  | /api/customers/{PHARMACY_ALICE}/pharmacy-visits | none                 | 201",
            "none  | POST  | /api/customers/{PHARMACY_ALICE}/pharmacy-visits | none                 | 401",
            "alice | GET   | /api/pharmacy-visits/board                 | none                      | 200",
            "mia   | GET   | /api/pharmacy-visits/board                 | none                      | 200",
            "none  | GET   | /api/pharmacy-visits/board                 | none                      | 401",
            "alice | GET   | /api/analytics/pharmacy-step-dwell?owner=chen | none                   | 403",
            "mia   | GET   | /api/analytics/pharmacy-step-dwell?region=SOUTH | none                 | 200",
            "mia   | GET   | /api/audit?entity=activity&id=99999999     | none                      | 404",
            // ---- analytics: own numbers, own regions, or everything
            "alice | GET   | /api/analytics/funnel                      | none                      | 200",
            "alice | GET   | /api/analytics/funnel?owner=chen           | none                      | 403",
            "mia   | GET   | /api/analytics/funnel?region=SOUTH         | none                      | 200",
            "mia   | GET   | /api/analytics/funnel?region=NORTH         | none                      | 403",
            "grace | GET   | /api/analytics/funnel?region=NORTH         | none                      | 200",
            "sam   | GET   | /api/analytics/funnel                      | none                      | 403",
            "lily  | GET   | /api/analytics/sla                         | none                      | 200",
            "alice | GET   | /api/analytics/sla                         | none                      | 403",
            "alice | GET   | /api/approvals                             | none                      | 403",
            "mia   | GET   | /api/approvals                             | none                      | 200",
            // ---- audit: administrators
            "admin | GET   | /api/audit?entity=lead                     | none                      | 200",
            "mia   | GET   | /api/audit?entity=lead                     | none                      | 403",
            // ---- the history of one record: managers who may see it (else 404, like the record); reps never
            "mia   | GET   | /api/audit?entity=lead&id={LEAD_ALICE}     | none                      | 200",
            "noah  | GET   | /api/audit?entity=lead&id={LEAD_ALICE}     | none                      | 404",
            "alice | GET   | /api/audit?entity=lead&id={LEAD_ALICE}     | none                      | 403",
            "mia   | GET   | /api/audit?entity=opportunity&id={OPP_CHEN} | none                     | 200",
            "noah  | GET   | /api/audit?entity=opportunity&id={OPP_CHEN} | none                     | 404",
            "mia   | GET   | /api/audit?entity=opportunity&entityId={OPP_CHEN}&id=1 | none          | 400",
            "lily  | GET   | /api/audit?entity=ticket&id={TICKET_OF_ALICES_CUSTOMER} | none         | 200",
            "mia   | GET   | /api/audit?entity=ticket&id={TICKET_OF_ALICES_CUSTOMER} | none         | 404",
            "mia   | GET   | /api/audit?entity=sales_rep&id=alice       | none                      | 403",
            "alice | GET   | /api/audit/verify                          | none                      | 403",
            // ---- team: a manager edits the reps of their regions
            "mia   | PUT   | /api/team/reps/frank                       | {\"regions\":[\"EAST\"],\"productLines\":[\"DEVICES\"],\"industries\":[\"HOSPITAL\"],\"capacity\":10,\"active\":true} | 200",
            "noah  | PUT   | /api/team/reps/frank                       | {\"regions\":[\"EAST\"],\"productLines\":[\"DEVICES\"],\"industries\":[\"HOSPITAL\"],\"capacity\":10,\"active\":true} | 403",
            "alice | PUT   | /api/team/reps/frank                       | {\"regions\":[\"EAST\"],\"productLines\":[\"DEVICES\"],\"industries\":[\"HOSPITAL\"],\"capacity\":10,\"active\":true} | 403",
            // ---- stand-ins: the person, their manager (absences) or an administrator; everyone sees who is away
            "bob   | POST  | /api/team/alice/absences                   | {\"from\":\"2099-01-01\",\"to\":\"2099-01-02\"} | 403",
            "noah  | POST  | /api/team/alice/absences                   | {\"from\":\"2099-01-01\",\"to\":\"2099-01-02\"} | 403",
            "alice | POST  | /api/team/mia/approval-delegations         | {\"from\":\"2099-01-01\",\"to\":\"2099-01-02\",\"deputy\":\"noah\"} | 403",
            "alice | GET   | /api/team/mia/approval-delegations         | none                      | 200",
            "sam   | GET   | /api/team/stand-ins/current                | none                      | 200",
            "none  | GET   | /api/team/stand-ins/current                | none                      | 401",
            // ---- handover: a manager of one of the rep's regions, or an administrator
            "bob   | POST  | /api/handovers                             | {\"rep\":\"alice\"}       | 403",
            "noah  | POST  | /api/handovers                             | {\"rep\":\"alice\"}       | 403",
            // ---- rules: the rules owner
            "rui   | GET   | /api/rules                                 | none                      | 200",
            "alice | POST  | /api/rules/rollback                        | none                      | 403",
            "rui   | GET   | /api/rules/calibration                     | none                      | 200",
            "admin | GET   | /api/rules/calibration                     | none                      | 200",
            "alice | GET   | /api/rules/calibration                     | none                      | 403",
            "mia   | GET   | /api/rules/calibration?months=3            | none                      | 403",
            "admin | GET   | /api/rules/candidates/1/diff/1             | none                      | 200",
            "mia   | GET   | /api/rules/candidates/1/diff/1             | none                      | 403",
            "alice | POST  | /api/rules/candidates/1/replay?progress=1  | none                      | 403",
            // ---- engine REST: everyone authenticated, Camunda's own authorizations inside
            "alice | GET   | /engine-rest/task                          | none                      | 200",
            "alice | GET   | /engine-rest/deployment                    | none                      | 200",
            // ---- notifications: everyone their own inbox (someone else's looks like none); the outbox administrators
            "alice | GET   | /api/notifications                         | none                      | 200",
            "alice | POST  | /api/notifications/read                    | none                      | 204",
            "alice | POST  | /api/notifications/999999999/read          | none                      | 404",
            "admin | GET   | /api/notifications/outbox?status=FAILED    | none                      | 200",
            "mia   | GET   | /api/notifications/outbox                  | none                      | 403",
            "alice | POST  | /api/notifications/outbox/999999999/retry  | none                      | 403",
            "admin | POST  | /api/notifications/outbox/999999999/retry  | none                      | 404",
            "none  | GET   | /api/notifications                         | none                      | 401",
            // ---- nobody anonymous
            "none  | GET   | /api/leads                                 | none                      | 401",
            "none  | GET   | /engine-rest/task                          | none                      | 401"})
    void matrix(String user, String method, String path, String body, int expected) {
        String resolved = path;
        for (Map.Entry<String, String> record : records.entrySet()) {
            resolved = resolved.replace("{" + record.getKey() + "}", record.getValue());
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var client = user == null ? http : as(user);

        int status = client.exchange(resolved, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class).getStatusCode().value();

        assertThat(status).as("%s %s %s", user, method, resolved).isEqualTo(expected);
    }

    /** The rules workbench page and its data, in a login session as the browser has it: rules owners and admins only. */
    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "rui   | GET  | /rules                | 200",
            "admin | GET  | /rules                | 200",
            "rui   | GET  | /rules/data/audit     | 200",
            "alice | GET  | /rules                | 403",
            "alice | GET  | /rules/data           | 403",
            "mia   | GET  | /rules/data/audit     | 403",
            "alice | POST | /rules/data/rollback  | 403",
            "rui   | GET  | /rules/data/calibration | 200",
            "alice | GET  | /rules/data/calibration | 403",
            "rui   | GET  | /rules/data/candidates/1/diff/1 | 200",
            "mia   | GET  | /rules/data/candidates/1/diff/1 | 403",
            "alice | POST | /rules/data/candidates/1/replay?progress=1 | 403"})
    void rulesWorkbench(String user, String method, String path, int expected) throws Exception {
        SignedInBrowser browser = new SignedInBrowser(port);
        browser.signIn(user);

        HttpResponse<String> response = browser.send(method, path);

        assertThat(response.statusCode()).as("%s %s %s", user, method, path).isEqualTo(expected);
        if (expected == 403) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
    }

    /** The customer pages and their data, in a login session: the same row rules and input checks as /api/customers. */
    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "alice | /customers/data/{CUSTOMER_ALICE}  | 200",
            "sam   | /customers/data/{CUSTOMER_ALICE}  | 200",
            "bob   | /customers/data/{CUSTOMER_ALICE}  | 404",
            "noah  | /customers/data/{CUSTOMER_ALICE}  | 404",
            "bob   | /customers/data?owner=alice       | 200",
            "alice | /customers/{CUSTOMER_ALICE}       | 200",
            // bob gets the page's "not found or not yours" state (CustomerPageBrowserTest), without the customer's data
            "bob   | /customers/{CUSTOMER_ALICE}       | 200",
            "alice | /customers                        | 200",
            // bad input on the pages' data: a problem naming the parameter, as on /api/customers
            "mia   | /customers/data?tier=D            | 400",
            "mia   | /customers/data?size=0            | 400",
            "mia   | /customers/data/abc               | 400",
            "mia   | /customers/99999999999999999999   | 400"})
    void customerPages(String user, String path, int expected) throws Exception {
        SignedInBrowser browser = new SignedInBrowser(port);
        browser.signIn(user);

        HttpResponse<String> response = browser.get(path.replace("{CUSTOMER_ALICE}", records.get("CUSTOMER_ALICE")));

        assertThat(response.statusCode()).as("%s %s", user, path).isEqualTo(expected);
        if (path.startsWith("/customers/data?owner=")) {
            assertThat(json.readTree(response.body()).get("total").asLong()).as("bob sees none of alice's customers").isZero();
        }
        if (path.equals("/customers/{CUSTOMER_ALICE}")) {
            assertThat(response.body().contains("data-page=\"not-found\"")).as("%s gets the not-found page", user).isEqualTo(user.equals("bob"));
        }
    }

    /** The home page, the inbox and the outbox page in a sign-in session: everyone their own inbox; the outbox administrators. */
    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "alice | GET  | /                                          | 200",
            "alice | GET  | /home/data                                 | 200",
            "alice | GET  | /notifications/data/mine                   | 200",
            "alice | POST | /notifications/data/read                   | 204",
            "alice | POST | /notifications/data/999999999/read         | 404",
            "alice | GET  | /notifications/outbox                      | 403",
            "alice | GET  | /notifications/data/outbox                 | 403",
            "alice | POST | /notifications/data/outbox/999999999/retry | 403",
            "admin | GET  | /notifications/outbox                      | 200",
            "admin | GET  | /notifications/data/outbox?status=FAILED   | 200",
            "admin | GET  | /notifications/data/outbox?status=LOST     | 400",
            "admin | POST | /notifications/data/outbox/999999999/retry | 404",
            "none  | GET  | /                                          | 302",
            "none  | GET  | /home/data                                 | 302",
            "none  | GET  | /notifications/data/mine                   | 302"})
    void homeAndNotificationPages(String user, String method, String path, int expected) throws Exception {
        SignedInBrowser browser = new SignedInBrowser(port);
        HttpResponse<String> response;
        if (user == null) {
            response = browser.get(path);
        } else {
            browser.signIn(user);
            response = browser.send(method, path);
        }

        assertThat(response.statusCode()).as("%s %s %s", user, method, path).isEqualTo(expected);
        if (expected == 302) {
            assertThat(response.headers().firstValue("Location")).as("a stranger is sent to sign in").hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        }
    }

    private String lead(String region, String industry, String expectedOwner) {
        JsonNode lead = as("mia").postForObject("/api/leads", Map.of("name", "权限测试", "company", unique("权限医院"), "source", "REFERRAL",
                "region", region, "industry", industry, "productLine", "DEVICES", "visits30d", 10, "dwellSeconds", 600,
                "phone", uniquePhone()), JsonNode.class);
        assertThat(lead.get("owner").asText()).isEqualTo(expectedOwner);
        return lead.get("id").asText();
    }

    private String opportunity(String owner, String region) {
        return as(owner).postForObject("/api/opportunities", Map.of("name", unique("权限商机"), "region", region), JsonNode.class)
                .get("id").asText();
    }

}
