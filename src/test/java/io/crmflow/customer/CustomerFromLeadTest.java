package io.crmflow.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ProcessIntegrationTest;
import io.crmflow.notify.Notifications;
import io.crmflow.notify.OutboxMessage;
import io.crmflow.opportunity.CustomerOrders;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Qualifying a lead (docs/product.md §12) through the real lead-qualification process: the company becomes a customer with the
 * lead's person as contact, or an existing customer found by folded name keeps its owner, who is told; the opportunity
 * belongs to the customer either way and its timeline says so.
 */
class CustomerFromLeadTest extends ProcessIntegrationTest {

    @Autowired
    CustomerOrders orders;

    @Autowired
    Notifications notifications;

    /** Submits a lead as the region's manager, and its owner contacts and qualifies it; returns the opportunity id. */
    private long qualify(String company, String region, String phone) {
        JsonNode lead = as("mia").postForObject("/api/leads", Map.of("name", "周主任", "company", company, "phone", phone,
                "email", "zhou@" + unique("h").toLowerCase() + ".example", "source", "REFERRAL", "region", region,
                "industry", "HOSPITAL", "productLine", "DEVICES", "visits30d", 10, "dwellSeconds", 600), JsonNode.class);
        String instance = lead.get("processInstanceId").asText();
        TaskService tasks = processEngine.getTaskService();
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(),
                Map.of("contactChannel", "PHONE", "contactNote", "约了设备科"));
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(),
                Map.of("outcome", "QUALIFIED", "qualificationNote", "采购 20 台监护仪"));
        return ((Number) processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("opportunityId").singleResult().getValue()).longValue();
    }

    @Test
    void aNewCompanyBecomesACustomerOfTheQualifyingRepWithTheLeadsPersonAsContact() {
        String company = unique("佛山第一人民医院");
        long opportunity = qualify(company, "SOUTH", uniquePhone());

        Long customer = orders.customerOf(opportunity);

        assertThat(customer).isNotNull();
        assertThat(customerIdInProcessOf(opportunity)).isEqualTo(customer);
        JsonNode created = as("chen").getForObject("/api/customers/" + customer, JsonNode.class);
        assertThat(created.get("name").asText()).isEqualTo(company);
        assertThat(created.get("owner").asText()).isEqualTo("chen");
        assertThat(created.get("region").asText()).isEqualTo("SOUTH");
        assertThat(created.get("contacts").findValuesAsText("name")).containsExactly("周主任");
        assertThat(created.get("contacts").get(0).get("masked").asBoolean()).isFalse();
        assertThat(created.get("opportunities").findValuesAsText("id")).containsExactly(String.valueOf(opportunity));
        assertThat(created.get("tierDecision").get("outputs").get("tier").asText()).isEqualTo("C");
        assertThat(created.get("lifecycleDecision").get("outputs").get("lifecycle").asText()).isEqualTo("POTENTIAL");
        JsonNode forSupport = as("sam").getForObject("/api/customers/" + customer, JsonNode.class);
        assertThat(forSupport.get("contacts").get(0).get("masked").asBoolean()).isTrue();
        assertThat(forSupport.get("opportunities")).isEmpty();
        assertThat(as("chen").getForObject("/api/opportunities/" + opportunity + "/timeline", JsonNode.class).findValuesAsText("type"))
                .contains("CUSTOMER_LINKED");
    }

    @Test
    void anExistingCustomerFoundByFoldedNameKeepsItsOwnerWhoIsTold() {
        String name = unique("嘉兴妇幼保健院");
        long customer = as("mia").postForObject("/api/customers", Map.of("name", name + "有限公司", "region", "EAST", "owner", "bob"),
                JsonNode.class).get("id").asLong();

        long opportunity = qualify(" " + name + " ", "EAST", uniquePhone());

        assertThat(orders.customerOf(opportunity)).isEqualTo(customer);
        assertThat(as("mia").getForObject("/api/customers/" + customer, JsonNode.class).get("owner").asText()).isEqualTo("bob");
        assertThat(as("mia").getForObject("/api/customers/" + customer + "/contacts", JsonNode.class)).hasSize(1);
        assertThat(notifications.about("customer:" + customer)).extracting(OutboxMessage::recipient).containsExactly("bob");
        assertThat(customerIdInProcessOf(opportunity)).as("the stage task's form links to the customer page").isEqualTo(customer);
        assertThat(as("mia").getForObject("/api/opportunities/" + opportunity + "/timeline", JsonNode.class)).anySatisfy(event -> {
            assertThat(event.get("type").asText()).isEqualTo("CUSTOMER_LINKED");
            assertThat(event.get("detail").asText()).contains("#" + customer, "bob");
        });
    }

    @Test
    void anOpportunityEnteredOrImportedWithTheCompanyOfACustomerJoinsIt() {
        String name = unique("湖州中心医院");
        long customer = as("mia").postForObject("/api/customers", Map.of("name", name, "region", "EAST", "owner", "bob"), JsonNode.class)
                .get("id").asLong();

        JsonNode entered = as("bob").postForObject("/api/opportunities", Map.of("name", unique("湖州 监护仪"), "company", name + "有限公司",
                "region", "EAST"), JsonNode.class);
        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(MediaType.parseMediaType("text/csv; charset=UTF-8"));
        String externalId = unique("hist");
        JsonNode imported = as("mia").postForObject("/api/import/opportunities", new HttpEntity<>("externalId,name,company,owner,region,"
                + "amount,initialContact,needsConfirmed,proposal,negotiation,closedDate,outcome\n" + externalId + ",湖州 耗材," + name
                + ",bob,EAST,50000.00,2026-01-05,2026-01-12,2026-01-19,2026-01-26,2026-02-02,WON\n", csv), JsonNode.class);
        JsonNode unknown = as("bob").postForObject("/api/opportunities", Map.of("name", unique("无名 监护仪"), "company", unique("无客户医院"),
                "region", "EAST"), JsonNode.class);

        assertThat(entered.get("customerId").asLong()).isEqualTo(customer);
        assertThat(customerIdInProcessOf(entered.get("id").asLong())).isEqualTo(customer);
        long importedId = imported.get("rows").get(0).get("opportunityId").asLong();
        assertThat(orders.customerOf(importedId)).isEqualTo(customer);
        assertThat(as("mia").getForObject("/api/customers/" + customer, JsonNode.class).get("opportunities").findValuesAsText("id"))
                .containsExactlyInAnyOrder(entered.get("id").asText(), String.valueOf(importedId));
        assertThat(unknown.has("customerId")).as("no customer is made up from an opportunity").isFalse();
    }

    private Long customerIdInProcessOf(long opportunity) {
        String instance = as("mia").getForObject("/api/opportunities/" + opportunity, JsonNode.class).get("processInstanceId").asText();
        Object value = processEngine.getRuntimeService().getVariable(instance, "customerId");
        return value == null ? null : ((Number) value).longValue();
    }
}
