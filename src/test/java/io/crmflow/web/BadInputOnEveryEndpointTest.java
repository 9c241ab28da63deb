package io.crmflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every crmflow endpoint answers bad input with a 4xx {@code application/problem+json} and changes nothing: no row in
 * any of crmflow's tables, no process instance.
 */
class BadInputOnEveryEndpointTest extends IntegrationTest {

    private static final List<String> TABLES = List.of("leads", "lead_event", "lead_decision", "sales_rep", "region_manager",
            "opportunity", "opportunity_event", "notification_outbox", "contract", "contract_approval", "installment", "payment",
            "payment_allocation", "customer", "customer_contact", "customer_decision", "customer_tag", "customer_tag_option", "act_ru_execution",
            "activity", "activity_attachment", "follow_up", "stand_in", "notification_inbox", "pharmacy_visit", "pharmacy_visit_step");

    private Map<String, Long> rowCounts() {
        return TABLES.stream().collect(Collectors.toMap(table -> table, this::count));
    }

    @ParameterizedTest(name = "{0} {1} {2} as {3} -> {6}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "GET  | /api/leads?status=LOST                | none                                   | none             | mia   | 400",
            "GET  | /api/leads?limit=0                    | none                                   | none             | mia   | 400",
            "GET  | /api/leads?limit=many                 | none                                   | none             | mia   | 400",
            "GET  | /api/leads?offset=-5                  | none                                   | none             | mia   | 400",
            "GET  | /api/pool?region=MARS                 | none                                   | none             | alice | 400",
            "GET  | /api/leads/abc                        | none                                   | none             | mia   | 400",
            "GET  | /api/leads/99999999                   | none                                   | none             | mia   | 404",
            "GET  | /api/leads/99999999/decisions         | none                                   | none             | mia   | 404",
            "GET  | /api/leads/99999999/timeline          | none                                   | none             | mia   | 404",
            "POST | /api/leads/99999999/claim             | none                                   | none             | alice | 404",
            "POST | /api/leads/abc/claim                  | none                                   | none             | alice | 400",
            "POST | /api/leads/99999999/dispatch          | {}                                     | application/json | mia   | 422",
            "POST | /api/leads/99999999/dispatch          | {\"rep\":                              | application/json | mia   | 400",
            "POST | /api/leads/99999999/dispatch          | {\"rep\":\"bob\",\"force\":true}        | application/json | mia   | 400",
            "POST | /api/leads/99999999/dispatch          | rep=bob                                | text/plain       | mia   | 415",
            "POST | /api/leads/99999999/dispatch          | {\"rep\":\"bob\"}                       | application/json | mia   | 404",
            "POST | /api/leads/99999999/contact           | {}                                     | application/json | chen  | 422",
            "POST | /api/leads/99999999/contact           | {\"contactChannel\":\"FAX\",\"contactNote\":\"hello\"} | application/json | chen | 400",
            "POST | /api/leads/99999999/contact           | {\"contactChannel\":\"PHONE\",\"contactNote\":\"ok\"} | application/json | chen | 422",
            "POST | /api/leads/99999999/contact           | {\"contactChannel\":                  | application/json | chen  | 400",
            "POST | /api/leads/99999999/contact           | {\"contactChannel\":\"PHONE\",\"contactNote\":\"called them\"} | application/json | chen | 404",
            "POST | /api/leads/abc/qualify                | none                                   | none             | chen  | 400",
            "POST | /api/leads/99999999/qualify           | {\"outcome\":\"DISQUALIFIED\"}       | application/json | chen  | 400",
            "POST | /api/leads/99999999/qualify           | none                                   | none             | chen  | 404",
            "POST | /api/leads/99999999/nurture           | {\"qualificationNote\":[1]}           | application/json | chen  | 400",
            "POST | /api/leads/99999999/nurture           | later                                  | text/plain       | chen  | 415",
            "POST | /api/leads/99999999/disqualify        | {}                                     | application/json | chen  | 422",
            "POST | /api/leads/99999999/disqualify        | {\"disqualifyReason\":\"MAYBE\"}     | application/json | chen  | 400",
            "POST | /api/leads/99999999/disqualify        | {\"disqualifyReason\":\"NO_NEED\"}   | application/json | chen  | 404",
            "POST | /api/leads/import                     | {\"name\":\"x\"}                       | application/json | mia   | 415",
            "POST | /api/leads/import                     | name;source;region                     | text/csv         | mia   | 400",
            "POST | /api/leads                            | <lead/>                                | application/xml  | mia   | 415",
            "PUT  | /api/team/reps/frank                  | {\"regions\":[\"EAST\"]}               | application/json | admin | 422",
            "PUT  | /api/team/reps/..%2Fadmin             | {\"regions\":[\"EAST\"]}               | application/json | admin | 400",
            "PUT  | /api/team/reps/frank                  | [1,2]                                  | application/json | admin | 400",
            "PUT  | /api/team/managers/MARS               | {\"userId\":\"mia\"}                   | application/json | admin | 400",
            "PUT  | /api/team/managers/EAST               | {\"userId\":\"alice\"}                 | application/json | admin | 422",
            "PUT  | /api/team/managers/EAST               | {}                                     | application/json | admin | 422",
            "GET  | /api/customers?tier=D                 | none                                   | none             | mia   | 400",
            "GET  | /api/customers?lifecycle=DEAD         | none                                   | none             | mia   | 400",
            "GET  | /api/customers?size=0                 | none                                   | none             | mia   | 400",
            "GET  | /api/customers?page=-1                | none                                   | none             | mia   | 400",
            "GET  | /api/customers/abc                    | none                                   | none             | mia   | 400",
            "GET  | /api/customers/99999999               | none                                   | none             | mia   | 404",
            "GET  | /api/customers/99999999/decisions     | none                                   | none             | mia   | 404",
            "GET  | /api/customers/abc/360                | none                                   | none             | mia   | 400",
            "GET  | /api/customers/99999999/360           | none                                   | none             | mia   | 404",
            "GET  | /api/customers/99999999/contacts      | none                                   | none             | mia   | 404",
            "GET  | /api/customers/99999999/contacts/1    | none                                   | none             | mia   | 404",
            "POST | /api/customers                        | {\"name\":\"x\"}                     | application/json | alice | 422",
            "POST | /api/customers                        | {\"name\":\"x\",\"region\":\"MARS\"} | application/json | alice | 400",
            "POST | /api/customers                        | {\"name\":\"x\",\"region\":\"EAST\",\"vip\":true} | application/json | alice | 400",
            "POST | /api/customers                        | {\"name\":\"x\",\"region\":\"EAST\",\"creditCode\":\"91350100M000100Y44\"} | application/json | alice | 400",
            "POST | /api/customers                        | {\"name\":\"---\",\"region\":\"EAST\"} | application/json | alice | 422",
            "POST | /api/customers                        | <customer/>                            | application/xml  | alice | 415",
            "PUT  | /api/customers/99999999               | {\"name\":\"x\",\"region\":\"EAST\"} | application/json | alice | 404",
            "PUT  | /api/customers/99999999/tier-pin      | {\"tier\":\"D\",\"reason\":\"x\"}   | application/json | mia   | 400",
            "PUT  | /api/customers/99999999/tier-pin      | {\"tier\":\"A\"}                     | application/json | mia   | 422",
            "DELETE | /api/customers/99999999/tier-pin    | none                                   | none             | mia   | 404",
            "POST | /api/customers/99999999/contacts      | {\"name\":\"x\"}                     | application/json | mia   | 404",
            "POST | /api/customers/99999999/contacts      | {\"name\":\"x\",\"role\":\"BOSS\"}  | application/json | mia   | 400",
            "POST | /api/customers/99999999/contacts      | {\"name\":\"x\",\"phone\":\"call me\"} | application/json | mia | 422",
            "PUT  | /api/customers/99999999/contacts/1    | {\"name\":\"x\"}                     | application/json | mia   | 404",
            "POST | /api/customers/import                 | name;region                            | text/csv         | mia   | 400",
            "POST | /api/customers/import                 | name,region,vip                        | text/csv         | mia   | 400",
            "POST | /api/customers/99999999/contacts/import | name                                 | text/csv         | mia   | 400",
            "PUT  | /api/customers/99999999/tags          | {\"tags\":[\"高意向\"]}                  | application/json | mia   | 404",
            "PUT  | /api/customers/99999999/tags          | {\"tags\":\"高意向\"}                    | application/json | mia   | 400",
            "PUT  | /api/customers/99999999/tags          | {}                                     | application/json | mia   | 422",
            "POST | /api/customer-tags                     | {\"name\":\"a/b\",\"label\":\"x\"}   | application/json | mia   | 422",
            "POST | /api/customer-tags                     | {\"name\":\"x\"}                     | application/json | mia   | 422",
            "POST | /api/customer-tags                     | {\"name\":\"x\",\"label\":\"x\",\"color\":1} | application/json | mia | 400",
            "DELETE | /api/customer-tags/nope              | none                                   | none             | mia   | 404",
            "GET  | /api/opportunities/abc                | none                                   | none             | mia   | 400",
            "GET  | /api/opportunities/99999999           | none                                   | none             | mia   | 404",
            "GET  | /api/opportunities/99999999/timeline  | none                                   | none             | mia   | 404",
            "GET  | /api/contracts/99999999               | none                                   | none             | mia   | 404",
            "GET  | /api/contracts/99999999.pdf           | none                                   | none             | mia   | 404",
            "POST | /api/contracts/99999999/decision      | {\"approve\":true}                     | application/json | leo   | 404",
            "POST | /api/contracts/99999999/decision      | {\"approve\":\"maybe\"}                | application/json | leo   | 400",
            "POST | /api/contracts/99999999/revision      | {}                                     | application/json | chen  | 422",
            "POST | /api/opportunities/99999999/contracts | {\"quoteId\":1}                        | application/json | chen  | 404",
            "GET  | /api/contracts/99999999/installments  | none                                   | none             | fiona | 404",
            "GET  | /api/contracts/99999999/installments?status=LATE | none                        | none             | fiona | 400",
            "GET  | /api/contracts/99999999/payments      | none                                   | none             | fiona | 404",
            "POST | /api/contracts/99999999/payments      | {\"amount\":100}                       | application/json | fiona | 404",
            "POST | /api/contracts/99999999/payments      | {\"amount\":\"lots\"}                  | application/json | fiona | 400",
            "POST | /api/contracts/99999999/payments      | {\"amount\":0}                         | application/json | fiona | 422",
            "POST | /api/contracts/99999999/payments      | {\"amount\":1,\"receivedOn\":\"x\"}    | application/json | fiona | 400",
            "POST | /api/contracts/99999999/payments      | {\"amount\":1,\"bonus\":1}             | application/json | fiona | 400",
            "GET  | /api/approvals?overdue=sometimes      | none                                   | none             | mia   | 400",
            "GET  | /api/analytics/lead-sources?region=MARS | none                                 | none             | mia   | 400",
            "GET  | /api/analytics/lead-sources?from=2025-02-01&to=2025-01-31 | none               | none             | mia   | 422",
            "GET  | /api/analytics/pool?region=MARS       | none                                   | none             | alice | 400",
            "GET  | /api/analytics/sla?from=yesterday     | none                                   | none             | lily  | 400",
            "GET  | /api/analytics/sla?from=2025-02-01&to=2025-01-31 | none                        | none             | lily  | 422",
            "GET  | /api/analytics/data-quality?region=MARS | none                                 | none             | mia   | 400",
            "GET  | /api/rules/candidates/99999999/files/lead-score.dmn | none                   | none             | rui   | 404",
            "GET  | /api/rules/candidates/1/files/nothing.dmn | none                               | none             | rui   | 404",
            "GET  | /api/rules/candidates/abc/files/lead-score.dmn | none                        | none             | rui   | 400",
            "POST | /api/rules/candidates/99999999/activate?note=because | none                   | none             | rui   | 404",
            "GET  | /api/customers/99999999/activities    | none                                   | none             | mia   | 404",
            "GET  | /api/customers/99999999/activities?limit=0 | none                              | none             | mia   | 400",
            "GET  | /api/customers/99999999/activities/1  | none                                   | none             | mia   | 404",
            "GET  | /api/customers/99999999/activities/1/attachments/1 | none                      | none             | mia   | 404",
            "POST | /api/customers/99999999/activities    | {\"kind\":\"VISIT\",\"occurredAt\":\"2026-11-30T02:00:00Z\"} | application/json | mia | 404",
            "POST | /api/customers/99999999/activities    | {\"kind\":\"LUNCH\",\"occurredAt\":\"2026-11-30T02:00:00Z\"} | application/json | mia | 400",
            "POST | /api/customers/99999999/activities    | {\"kind\":\"CALL\",\"occurredAt\":\"2026-11-30T02:00:00Z\",\"minutes\":-1} | application/json | mia | 422",
            "POST | /api/customers/99999999/activities    | {\"kind\":\"CALL\"}                  | application/json | mia   | 422",
            "PUT  | /api/customers/99999999/activities/1  | {\"kind\":\"CALL\",\"occurredAt\":\"2026-11-30T02:00:00Z\"} | application/json | mia | 404",
            "POST | /api/team/alice/absences              | {}                                     | application/json | alice | 422",
            "POST | /api/team/alice/absences              | {\"from\":\"soon\",\"to\":\"later\"}     | application/json | alice | 400",
            "POST | /api/team/alice/absences              | {\"from\":\"2020-01-01\",\"to\":\"2020-01-02\"} | application/json | alice | 422",
            "POST | /api/team/a%2Fb/absences              | {\"from\":\"2020-01-01\",\"to\":\"2020-01-02\"} | application/json | admin | 400",
            "POST | /api/team/alice/approval-delegations  | {\"from\":\"2099-01-01\",\"to\":\"2099-01-02\",\"deputy\":\"bob\"} | application/json | alice | 422",
            "DELETE | /api/team/alice/absences/99999999   | none                                   | none             | alice | 404",
            "DELETE | /api/team/alice/absences/abc        | none                                   | none             | alice | 400",
            "GET  | /api/rules/candidates/99999999/diff/1 | none                                   | none             | rui   | 404",
            "GET  | /api/rules/candidates/1/diff/abc      | none                                   | none             | rui   | 400",
            "POST | /api/rules/candidates/99999999/replay?progress=1 | none                        | none             | rui   | 404",
            "POST | /api/rules/candidates/1/replay?progress=1&last=0 | none                        | none             | rui   | 400",
            "GET  | /api/rules/calibration?months=0       | none                                   | none             | rui   | 400",
            "GET  | /api/rules/calibration?months=many    | none                                   | none             | rui   | 400",
            "GET  | /api/notifications?limit=0            | none                                   | none             | sara  | 400",
            "GET  | /api/notifications?unreadOnly=maybe   | none                                   | none             | sara  | 400",
            "POST | /api/notifications/abc/read           | none                                   | none             | sara  | 400",
            "POST | /api/notifications/99999999/read      | none                                   | none             | sara  | 404",
            "GET  | /api/notifications/outbox?status=LOST | none                                   | none             | admin | 400",
            "GET  | /api/notifications/outbox?offset=-1   | none                                   | none             | admin | 400",
            "POST | /api/notifications/outbox/abc/retry   | none                                   | none             | admin | 400",
            "POST | /api/notifications/outbox/99999999/retry | none                                | none             | admin | 404",
            "POST | /api/handovers                        | {}                                     | application/json | mia   | 422",
            "POST | /api/handovers                        | {\"rep\":\"ghost\"}                    | application/json | mia   | 422",
            "POST | /api/handovers                        | {\"rep\":\"../x\"}                     | application/json | mia   | 422",
            "GET  | /api/handovers/99999999               | none                                   | none             | mia   | 404",
            "POST | /api/handovers/99999999/confirm       | {\"defaultSuccessor\":\"bob\"}       | application/json | mia   | 404",
            "POST | /api/handovers/99999999/confirm       | {\"successors\":[1]}                  | application/json | mia   | 400",
            "POST | /api/customers/99999999/pharmacy-visits | none                                 | none             | mia   | 404",
            "POST | /api/customers/x/pharmacy-visits     | none                                   | none             | mia   | 400",
            "POST | /api/customers/-1/pharmacy-visits    | {\"x\":1}                               | application/json | mia   | 404",
            "GET  | /api/analytics/pharmacy-step-dwell?from=x | none                              | none             | mia   | 400",
            "GET  | /api/analytics/pharmacy-step-dwell?from=2026-02-01&to=2026-01-01 | none      | none             | mia   | 422",
            "GET  | /api/nothing-here                     | none                                   | none             | mia   | 404"})
    void isAProblemAndChangesNothing(String method, String path, String body, String contentType, String user, int status) {
        Map<String, Long> before = rowCounts();
        HttpHeaders headers = new HttpHeaders();
        if (contentType != null) {
            headers.setContentType(MediaType.parseMediaType(contentType));
        }

        ResponseEntity<JsonNode> response = as(user).exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().get("status").asInt()).isEqualTo(status);
            assertThat(response.getBody().get("detail").asText()).isNotBlank();
        }
        assertThat(rowCounts()).isEqualTo(before);
    }
}
