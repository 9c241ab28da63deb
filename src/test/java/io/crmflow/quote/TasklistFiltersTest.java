package io.crmflow.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The shared Tasklist filters, read through Camunda's REST API as Tasklist reads them, as each user. */
class TasklistFiltersTest extends QuoteTestSupport {

    private JsonNode listed(String user, String filterName, Map<String, Object> narrowing) {
        for (JsonNode filter : as(user).getForObject("/engine-rest/filter", JsonNode.class)) {
            if (filter.get("name").asText().contains(filterName)) {
                return as(user).postForObject("/engine-rest/filter/" + filter.get("id").asText() + "/list", narrowing, JsonNode.class);
            }
        }
        throw new AssertionError(user + " has no filter named " + filterName);
    }

    @Test
    void theManagerThenFinanceSeeTheQuoteUnderApprovals() {
        JsonNode quote = quote(proposal(), "25");
        String processInstanceId = quote.get("processInstanceId").asText();
        Map<String, Object> thisQuote = Map.of("processInstanceId", processInstanceId);

        assertThat(listed("mia", "Approvals", thisQuote).findValuesAsText("taskDefinitionKey")).containsExactly("Task_ManagerApproval");
        assertThat(java.time.OffsetDateTime.parse(listed("mia", "Approvals", thisQuote).get(0).get("due").asText().replaceFirst("(\\d\\d)(\\d\\d)$", "$1:$2"))
                .toInstant()).as("an approval is due within 24 h").isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        assertThat(listed("fiona", "Approvals", thisQuote)).isEmpty();
        assertThat(listed("chen", "Approvals", thisQuote)).isEmpty();

        decide("mia", quote.get("id").asLong(), true, null);

        assertThat(listed("mia", "Approvals", thisQuote)).isEmpty();
        assertThat(listed("fiona", "Approvals", thisQuote).findValuesAsText("taskDefinitionKey")).containsExactly("Task_FinanceApproval");
    }

    @Test
    void tasksWithADeadlineAreListedByDueDate() {
        JsonNode lead = as("mia").postForObject("/api/leads", Map.of("name", "黄伟", "company", unique("佛山医院"), "source", "REFERRAL",
                "region", "SOUTH", "industry", "HOSPITAL", "productLine", "DEVICES", "visits30d", 10, "dwellSeconds", 600), JsonNode.class);
        assertThat(lead.get("owner").asText()).isEqualTo("chen");

        JsonNode byDueDate = listed("chen", "By due date", Map.of("processInstanceId", lead.get("processInstanceId").asText()));

        assertThat(byDueDate.findValuesAsText("taskDefinitionKey")).containsExactly("Task_ContactLead");
        assertThat(byDueDate.get(0).get("due").asText()).isNotBlank();
        assertThat(listed("chen", "Approvals", Map.of("processInstanceId", lead.get("processInstanceId").asText()))).isEmpty();
        assertThat(listed("chen", "Overdue", Map.of("processInstanceId", lead.get("processInstanceId").asText())))
                .as("the contact deadline is hours away").isEmpty();

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(10))));
        try {
            assertThat(listed("chen", "Overdue", Map.of("processInstanceId", lead.get("processInstanceId").asText()))
                    .findValuesAsText("taskDefinitionKey")).containsExactly("Task_ContactLead");
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void aUserWhoIsNoDemoUserHasTheFiltersTooAndNobodyButAdministratorsChangesThem() {
        String zoe = "zoe" + unique("").substring(1, 6);
        User user = processEngine.getIdentityService().newUser(zoe);
        user.setPassword(zoe);
        processEngine.getIdentityService().saveUser(user);
        processEngine.getIdentityService().createMembership(zoe, "sales-rep");
        try {
            assertThat(as(zoe).getForObject("/engine-rest/filter", JsonNode.class).findValuesAsText("name"))
                    .contains("我的任务 My tasks", "待领取 Tasks I can claim", "已逾期 Overdue", "按期限 By due date", "审批 Approvals");
            assertThat(listed(zoe, "My tasks", Map.of())).isEmpty();
            String filterId = as(zoe).getForObject("/engine-rest/filter", JsonNode.class).get(0).get("id").asText();
            ResponseEntity<String> rewrite = as(zoe).exchange("/engine-rest/filter/" + filterId, HttpMethod.PUT, new HttpEntity<>(Map.of(
                    "resourceType", "Task", "name", "mine", "query", Map.of("assigneeExpression", "${'x'}"))), String.class);
            assertThat(rewrite.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(zoe).postForEntity("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "mine",
                    "query", Map.of("assigneeExpression", "${currentUser()}")), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        } finally {
            processEngine.getIdentityService().deleteUser(zoe);
        }
    }
}
