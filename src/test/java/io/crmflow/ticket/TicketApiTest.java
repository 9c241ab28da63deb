package io.crmflow.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.RuleFile;
import io.crmflow.rules.RuleSet;
import io.crmflow.rules.RuleSetCompiler;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The ticket API: who may do what, and bad input answered with problem+json and nothing written. */
class TicketApiTest extends IntegrationTest {

    private static final List<String> TABLES = List.of("ticket", "ticket_sla_clock", "ticket_message", "ticket_event", "kb_article",
            "notification_outbox", "act_ru_execution");

    @Autowired
    RuntimeService runtime;

    @Autowired
    ActiveRuleSet activeRuleSet;

    @Autowired
    RuleSetCompiler compiler;

    private long customer(String name) {
        return jdbc.sql("select id from customer where name = ?").param(name).query(Long.class).single();
    }

    private Map<String, Long> rowCounts() {
        return TABLES.stream().collect(Collectors.toMap(table -> table, this::count));
    }

    @Test
    void theServiceDeskEntersATicketTheAccountOwnerSeesItOthersDoNot() {
        ResponseEntity<JsonNode> created = as("sara").postForEntity("/api/tickets", Map.of("customerId", customer("上海仁济医疗器械有限公司"),
                "severity", "HIGH", "channel", "PHONE", "subject", unique("监护仪报警"), "description", "监护仪持续报警 E-17"), JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode ticket = created.getBody();
        assertThat(created.getHeaders().getLocation().toString()).endsWith("/api/tickets/" + ticket.get("id").asLong());
        assertThat(ticket.get("priority").asText()).as("HIGH × tier A").isEqualTo("P1");
        assertThat(ticket.get("customer").get("accountOwner").asText()).isEqualTo("alice");
        assertThat(ticket.get("clocks").findValuesAsText("calendar")).containsOnly("24x7");
        assertThat(ticket.get("clocks").findValuesAsText("target")).containsExactlyInAnyOrder("PT1H", "PT4H");
        assertThat(ticket.hasNonNull("ruleSetVersion")).isTrue();
        String id = ticket.get("id").asText();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(TicketService.PROCESS_KEY).processInstanceBusinessKey(id)
                .count()).isEqualTo(1);
        assertThat(as("alice").getForEntity("/api/tickets/" + id, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("alice").getForObject("/api/tickets", JsonNode.class).findValuesAsText("id")).contains(id);
        assertThat(as("bob").getForEntity("/api/tickets/" + id, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // Support reads customers of every tier (other tests add customers, so each tier is asked for on its own).
        assertThat(List.of("A", "B", "C")).allSatisfy(tier -> assertThat(as("lily")
                .getForObject("/api/customers?tier=" + tier, JsonNode.class).get("total").asLong()).as("tier %s", tier).isPositive());
        JsonNode audited = as("admin").getForObject("/api/audit?entity=ticket&entityId=" + id, JsonNode.class);
        assertThat(audited).anySatisfy(entry -> {
            assertThat(entry.get("field").asText()).isEqualTo("priority");
            assertThat(entry.get("newValue").asText()).isEqualTo("P1");
            assertThat(entry.get("actor").asText()).isEqualTo("sara");
        });
    }

    /** A priority the active version fails to decide comes from the version served before it, and the ticket records that one. */
    @Test
    void aTicketRecordsTheVersionThatDecidedItsPriority() {
        RuleSet working = activeRuleSet.current();
        List<RuleFile> files = working.files().stream().map(file -> !file.name().equals("ticket-priority.dmn") ? file
                : new RuleFile(file.name(), file.text().replace("<outputEntry id=\"TicketPriority_Row2_Out\"><text>\"P1\"</text>",
                        "<outputEntry id=\"TicketPriority_Row2_Out\"><text>\"P9\"</text>").getBytes(StandardCharsets.UTF_8))).toList();
        RuleSet broken = compiler.compile(files);
        assertThat(broken.version()).isNotEqualTo(working.version());
        try {
            activeRuleSet.activate(broken);

            JsonNode ticket = as("sara").postForObject("/api/tickets", Map.of("customerId", customer("上海仁济医疗器械有限公司"),
                    "severity", "HIGH", "channel", "PHONE", "subject", unique("回退版本"), "description", "监护仪无法开机"), JsonNode.class);

            assertThat(ticket.get("priority").asText()).isEqualTo("P1");
            assertThat(ticket.get("ruleSetVersion").asText()).isEqualTo(working.version());
        } finally {
            activeRuleSet.activate(working);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} as {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "POST | /api/tickets                      | {\"customerId\":CUSTOMER,\"severity\":\"URGENT\",\"channel\":\"EMAIL\",\"subject\":\"s\",\"description\":\"d\"} | sam | 400",
            "POST | /api/tickets                      | {\"customerId\":CUSTOMER,\"severity\":\"LOW\",\"channel\":\"FAX\",\"subject\":\"s\",\"description\":\"d\"}     | sam | 400",
            "POST | /api/tickets                      | {\"customerId\":CUSTOMER,\"severity\":\"LOW\",\"channel\":\"EMAIL\",\"description\":\"d\"}                     | sam | 422",
            "POST | /api/tickets                      | {\"customerId\":CUSTOMER,\"severity\":\"LOW\",\"channel\":\"EMAIL\",\"subject\":\" \",\"description\":\"d\"}   | sam | 422",
            "POST | /api/tickets                      | {\"customerId\":99999999,\"severity\":\"LOW\",\"channel\":\"EMAIL\",\"subject\":\"s\",\"description\":\"d\"}   | sam | 422",
            "POST | /api/tickets                      | {\"customerId\":\"one\",\"severity\":\"LOW\",\"channel\":\"EMAIL\",\"subject\":\"s\",\"description\":\"d\"}    | sam | 400",
            "POST | /api/tickets                      | {\"customerId\":CUSTOMER,\"severity\":\"LOW\",\"channel\":\"EMAIL\",\"subject\":\"s\",\"description\":\"d\",\"priority\":\"P1\"} | sam | 400",
            "POST | /api/tickets                      | {\"customerId\":CUSTOMER,                                                     | sam   | 400",
            "POST | /api/tickets                      | {\"customerId\":CUSTOMER,\"severity\":\"LOW\",\"channel\":\"EMAIL\",\"subject\":\"s\",\"description\":\"d\"}   | alice | 403",
            "GET  | /api/tickets/abc                  | none                                                                          | sam   | 400",
            "GET  | /api/tickets/99999999             | none                                                                          | sam   | 404",
            "GET  | /api/tickets?status=DONE          | none                                                                          | sam   | 400",
            "POST | /api/tickets/99999999/replies     | {\"body\":\"hello\"}                                                          | sam   | 404",
            "POST | /api/tickets/99999999/replies     | {\"body\":\"\"}                                                               | sam   | 422",
            "POST | /api/tickets/99999999/csat        | {\"csat\":9}                                                                  | sam   | 422",
            "POST | /api/tickets/99999999/reopen      | {}                                                                            | sam   | 422",
            "POST | /api/kb/articles                  | {\"title\":\"t\",\"keywords\":\"k\",\"body\":\"b\"}                           | sam   | 403",
            "POST | /api/kb/articles                  | {\"title\":\"t\",\"keywords\":\"\",\"body\":\"b\"}                            | lily  | 422",
            "PUT  | /api/kb/articles/99999999         | {\"title\":\"t\",\"keywords\":\"k\",\"body\":\"b\"}                           | lily  | 404",
            "POST | /api/kb/articles/99999999/approve | {}                                                                            | lily  | 404"})
    void badInputIsAProblemAndChangesNothing(String method, String path, String body, String user, int status) {
        Map<String, Long> before = rowCounts();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String json = body == null ? null : body.replace("CUSTOMER", String.valueOf(customer("杭州康宁大药房")));

        ResponseEntity<JsonNode> response = as(user).exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(json, headers), JsonNode.class);

        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).isNotBlank();
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aBadInputNamesTheField() {
        ResponseEntity<JsonNode> response = as("sam").postForEntity("/api/tickets", Map.of("customerId", 99999999, "severity", "LOW",
                "channel", "EMAIL", "subject", "s", "description", "d"), JsonNode.class);

        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("customerId");
    }
}
