package io.crmflow.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Customers and contacts through the API (docs/product.md §12): ownership, row and field rules, de-duplication, import, audit, tickets. */
class CustomerApiTest extends IntegrationTest {

    private ResponseEntity<JsonNode> create(String user, Map<String, ?> customer) {
        return as(user).postForEntity("/api/customers", new HashMap<>(customer), JsonNode.class);
    }

    private JsonNode created(String user, Map<String, ?> customer) {
        ResponseEntity<JsonNode> response = create(user, customer);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> exchange(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> csv(String user, String path, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(csv, headers), JsonNode.class);
    }

    @Test
    void aRepOwnsWhatTheyEnterAndOnlyTheyTheirManagerSupportAndFinanceSeeIt() {
        String name = unique("苏州康复医院");
        JsonNode customer = created("alice", Map.of("name", name + "有限公司", "region", "EAST", "industry", "HOSPITAL",
                "creditCode", CreditCodesTest.uniqueCode(), "address", "苏州市姑苏区"));
        String id = customer.get("id").asText();

        assertThat(customer.get("owner").asText()).isEqualTo("alice");
        assertThat(customer.get("tier").asText()).isEqualTo("C");
        assertThat(customer.get("lifecycle").asText()).isEqualTo("POTENTIAL");
        assertThat(customer.has("nameKey")).isFalse();
        for (String reader : new String[] {"alice", "mia", "sam", "fiona", "admin"}) {
            assertThat(as(reader).getForEntity("/api/customers/" + id, JsonNode.class).getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
        }
        for (String stranger : new String[] {"bob", "noah", "leo", "grace"}) {
            assertThat(as(stranger).getForEntity("/api/customers/" + id, JsonNode.class).getStatusCode()).as(stranger)
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        JsonNode page = as("alice").getForObject("/api/customers?q=" + name.substring(name.indexOf('-') + 1) + "&region=EAST", JsonNode.class);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("id").asText()).isEqualTo(id);
        assertThat(as("bob").getForObject("/api/customers?q=" + name.substring(name.indexOf('-') + 1), JsonNode.class).get("total").asLong())
                .isZero();
        assertThat(as("mia").getForObject("/api/customers?owner=alice&tier=C&lifecycle=POTENTIAL&size=500", JsonNode.class)
                .get("items").findValuesAsText("id")).contains(id);
        assertThat(as("admin").getForObject("/api/audit?entity=customer&entityId=" + id, JsonNode.class).findValuesAsText("field"))
                .contains("name", "owner", "tier", "region");
        JsonNode decisions = as("alice").getForObject("/api/customers/" + id + "/decisions", JsonNode.class);
        assertThat(decisions.get(0).get("kind").asText()).isEqualTo("TIER");
        assertThat(decisions.get(0).get("inputs").get("wonAmount12m").asInt()).isZero();
        assertThat(decisions.get(0).get("ruleSetVersion").asText()).isNotBlank();
    }

    @Test
    void aManagerNamesTheOwnerARepOfTheirRegion() {
        String name = unique("宁波药房");
        assertThat(create("mia", Map.of("name", name, "region", "EAST")).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        ResponseEntity<JsonNode> notARepOfEast = create("mia", Map.of("name", name, "region", "EAST", "owner", "chen"));
        assertThat(notARepOfEast.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(notARepOfEast.getBody().get("errors").get(0).get("field").asText()).isEqualTo("owner");
        assertThat(create("noah", Map.of("name", name, "region", "EAST", "owner", "bob")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(create("alice", Map.of("name", name, "region", "EAST", "owner", "bob")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(create("sam", Map.of("name", name, "region", "EAST")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        JsonNode customer = created("mia", Map.of("name", name, "region", "EAST", "owner", "bob"));

        assertThat(customer.get("owner").asText()).isEqualTo("bob");
        String id = customer.get("id").asText();
        ResponseEntity<JsonNode> bobHandsItOn = exchange("bob", HttpMethod.PUT, "/api/customers/" + id,
                Map.of("name", name, "region", "EAST", "owner", "alice"));
        assertThat(bobHandsItOn.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode corrected = exchange("bob", HttpMethod.PUT, "/api/customers/" + id, Map.of("name", name, "region", "EAST",
                "address", "宁波市海曙区")).getBody();
        assertThat(corrected.get("address").asText()).isEqualTo("宁波市海曙区");
        JsonNode handedOver = exchange("mia", HttpMethod.PUT, "/api/customers/" + id, Map.of("name", name, "region", "EAST", "owner", "alice"))
                .getBody();
        assertThat(handedOver.get("owner").asText()).isEqualTo("alice");
        assertThat(as("admin").getForObject("/api/audit?entity=customer&entityId=" + id, JsonNode.class)).anySatisfy(entry -> {
            assertThat(entry.get("field").asText()).isEqualTo("owner");
            assertThat(entry.get("oldValue").asText()).isEqualTo("bob");
            assertThat(entry.get("newValue").asText()).isEqualTo("alice");
            assertThat(entry.get("actor").asText()).isEqualTo("mia");
        });
    }

    @Test
    void aFoldedNameOrCreditCodeClashNamesTheExistingCustomerAndABadCheckCharacterIsA400() {
        String base = unique("杭州仁和医疗器械");
        String code = CreditCodesTest.uniqueCode();
        JsonNode existing = created("alice", Map.of("name", base + "有限公司", "region", "EAST", "creditCode", code));

        ResponseEntity<JsonNode> sameName = create("chen", Map.of("name", " " + base.toUpperCase() + " 股份有限公司", "region", "SOUTH"));
        ResponseEntity<JsonNode> sameCode = create("chen", Map.of("name", unique("别名"), "region", "SOUTH", "creditCode", code.toLowerCase()));
        ResponseEntity<JsonNode> badCheck = create("chen", Map.of("name", unique("校验"), "region", "SOUTH",
                "creditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0')));

        assertThat(sameName.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(sameName.getBody().get("existingCustomer").get("id").asLong()).isEqualTo(existing.get("id").asLong());
        assertThat(sameName.getBody().get("existingCustomer").get("name").asText()).isEqualTo(base + "有限公司");
        assertThat(sameName.getBody().get("field").asText()).isEqualTo("name");
        assertThat(sameCode.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(sameCode.getBody().get("field").asText()).isEqualTo("creditCode");
        assertThat(sameCode.getBody().get("detail").asText()).contains(existing.get("id").asText());
        assertThat(badCheck.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badCheck.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(badCheck.getBody().get("errors").get(0).get("field").asText()).isEqualTo("creditCode");
    }

    @Test
    void contactsAreMaskedForThoseWhoOnlyReadTheCustomer() {
        String id = created("chen", Map.of("name", unique("深圳南山诊所"), "region", "SOUTH")).get("id").asText();
        ResponseEntity<JsonNode> added = as("chen").postForEntity("/api/customers/" + id + "/contacts", Map.of("name", "李主任",
                "role", "DECISION_MAKER", "title", "采购主任", "phone", "+86 138 0013 8000", "email", "li@nanshan.example", "wechat", "li_nanshan"),
                JsonNode.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        as("mia").postForEntity("/api/customers/" + id + "/contacts", Map.of("name", "王会计", "role", "FINANCE"), JsonNode.class);
        String contact = added.getBody().get("id").asText();

        JsonNode forOwner = as("chen").getForObject("/api/customers/" + id + "/contacts", JsonNode.class);
        JsonNode forSupport = as("sam").getForObject("/api/customers/" + id + "/contacts/" + contact, JsonNode.class);

        assertThat(forOwner).hasSize(2);
        assertThat(forOwner.get(0).get("phone").asText()).isEqualTo("+86 138 0013 8000");
        assertThat(forSupport.get("phone").asText()).isEqualTo("138****8000");
        assertThat(forSupport.get("email").asText()).isEqualTo("l***@nanshan.example");
        assertThat(forSupport.get("wechat").asText()).isEqualTo("l***");
        assertThat(forSupport.get("masked").asBoolean()).isTrue();
        assertThat(as("mia").getForObject("/api/customers/" + id + "/contacts/" + contact, JsonNode.class).get("masked").asBoolean()).isFalse();
        assertThat(as("alice").getForEntity("/api/customers/" + id + "/contacts", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("sam").postForEntity("/api/customers/" + id + "/contacts", Map.of("name", "x"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode changed = exchange("chen", HttpMethod.PUT, "/api/customers/" + id + "/contacts/" + contact,
                Map.of("name", "李主任", "role", "INFLUENCER", "phone", "13900139000")).getBody();
        assertThat(changed.get("role").asText()).isEqualTo("INFLUENCER");
        assertThat(changed.has("email")).isFalse();
        assertThat(as("admin").getForObject("/api/audit?entity=customer_contact&entityId=" + contact, JsonNode.class).findValuesAsText("field"))
                .contains("role", "phone", "email");
    }

    @Test
    void customersAndContactsImportFromCsvWithALineByLineReport() {
        String first = unique("温州医院");
        String second = unique("台州药房");
        String file = "name,creditCode,industry,region,address,owner\n"
                + first + ",,HOSPITAL,EAST,温州市,alice\n"
                + second + "," + CreditCodesTest.uniqueCode() + ",PHARMACY,EAST,,bob\n"
                + first + " 有限公司,,,EAST,,alice\n"
                + unique("火星") + ",,,MARS,,alice\n"
                + unique("校验") + ",91350100M000100Y44,,EAST,,alice\n";

        ResponseEntity<JsonNode> imported = csv("mia", "/api/customers/import", file);

        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = imported.getBody();
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(3);
        assertThat(report.get("rows").get(2).get("row").asInt()).isEqualTo(4);
        assertThat(report.get("rows").get(2).get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(report.get("rows").get(3).get("errors").get(0).get("field").asText()).isEqualTo("region");
        assertThat(report.get("rows").get(4).get("errors").get(0).get("field").asText()).isEqualTo("creditCode");
        String customer = report.get("rows").get(0).get("id").asText();

        JsonNode contacts = csv("alice", "/api/customers/" + customer + "/contacts/import",
                "name,role,phone,email\n张院长,DECISION_MAKER,13700137000,zhang@wz.example\n赵医生,SURGEON,,\n").getBody();

        assertThat(contacts.get("created").asInt()).isEqualTo(1);
        assertThat(contacts.get("rows").get(1).get("errors").get(0).get("field").asText()).isEqualTo("role");
        assertThat(as("alice").getForObject("/api/customers/" + customer + "/contacts", JsonNode.class).findValuesAsText("name"))
                .containsExactly("张院长");
        ResponseEntity<JsonNode> nothing = csv("mia", "/api/customers/import", "name,region\n" + first + ",EAST\n");
        assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(csv("bob", "/api/customers/" + customer + "/contacts/import", "name\nx\n").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aTicketCanBeFiledForACustomerEnteredThroughTheApiAndAPinnedTierDecidesItsPriority() {
        String id = created("alice", Map.of("name", unique("常州器械"), "region", "EAST")).get("id").asText();
        Map<String, Object> ticket = Map.of("customerId", Long.parseLong(id), "severity", "HIGH", "channel", "PHONE",
                "subject", unique("设备报警"), "description", "监护仪反复报警 ZQX-" + unique("t"));

        ResponseEntity<JsonNode> asTierC = as("sam").postForEntity("/api/tickets", ticket, JsonNode.class);
        assertThat(asTierC.getStatusCode()).as(String.valueOf(asTierC.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(asTierC.getBody().get("priority").asText()).isEqualTo("P2");
        assertThat(asTierC.getBody().get("customer").get("accountOwner").asText()).isEqualTo("alice");

        assertThat(exchange("alice", HttpMethod.PUT, "/api/customers/" + id + "/tier-pin", Map.of("tier", "A", "reason", "战略客户"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode pinned = exchange("mia", HttpMethod.PUT, "/api/customers/" + id + "/tier-pin", Map.of("tier", "A", "reason", "战略客户 Strategic"))
                .getBody();
        assertThat(pinned.get("tier").asText()).isEqualTo("A");
        assertThat(pinned.get("decidedTier").asText()).isEqualTo("C");
        assertThat(pinned.get("pinnedBy").asText()).isEqualTo("mia");
        assertThat(as("sam").postForObject("/api/tickets", ticket, JsonNode.class).get("priority").asText()).isEqualTo("P1");

        JsonNode unpinned = exchange("mia", HttpMethod.DELETE, "/api/customers/" + id + "/tier-pin", null).getBody();
        assertThat(unpinned.get("tier").asText()).isEqualTo("C");
        assertThat(unpinned.has("pinnedTier")).isFalse();
        assertThat(as("admin").getForObject("/api/audit?entity=customer&entityId=" + id, JsonNode.class).findValuesAsText("field"))
                .contains("pinnedTier", "pinReason");
    }

    @Test
    void managersKeepTheTagListRepsTagTheirCustomersAndListsFilterByTag() {
        String tag = unique("重点");
        assertThat(as("alice").postForEntity("/api/customer-tags", Map.of("name", tag, "label", tag + " Key account"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("mia").postForEntity("/api/customer-tags", Map.of("name", tag, "label", tag + " Key account"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(as("mia").postForEntity("/api/customer-tags", Map.of("name", tag, "label", "again"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(as("alice").getForObject("/api/customer-tags", JsonNode.class).findValuesAsText("name")).contains(tag, "高意向", "价格敏感", "决策链长");
        String tagged = created("alice", Map.of("name", unique("绍兴诊所"), "region", "EAST")).get("id").asText();
        created("alice", Map.of("name", unique("湖州诊所"), "region", "EAST"));

        JsonNode withTags = exchange("alice", HttpMethod.PUT, "/api/customers/" + tagged + "/tags", Map.of("tags", java.util.List.of(tag, "高意向")))
                .getBody();
        ResponseEntity<JsonNode> unknown = exchange("alice", HttpMethod.PUT, "/api/customers/" + tagged + "/tags",
                Map.of("tags", java.util.List.of("VIP")));

        assertThat(withTags.get("tags")).extracting(JsonNode::asText).containsExactlyInAnyOrder(tag, "高意向");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknown.getBody().get("errors").get(0).get("field").asText()).isEqualTo("tags");
        JsonNode filtered = as("mia").getForObject("/api/customers?tag=" + tag, JsonNode.class);
        assertThat(filtered.get("total").asLong()).isEqualTo(1);
        assertThat(filtered.get("items").get(0).get("id").asText()).isEqualTo(tagged);
        assertThat(as("mia").exchange("/api/customer-tags/" + tag, HttpMethod.DELETE, null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        exchange("alice", HttpMethod.PUT, "/api/customers/" + tagged + "/tags", Map.of("tags", java.util.List.of()));
        assertThat(as("mia").exchange("/api/customer-tags/" + tag, HttpMethod.DELETE, null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as("admin").getForObject("/api/audit?entity=customer&entityId=" + tagged, JsonNode.class).findValuesAsText("field"))
                .contains("tags");
    }
}
