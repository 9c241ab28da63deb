package io.crmflow.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The public pool (公海): who sees it, who may take a lead from it, and that only one taker wins. */
class LeadPoolTest extends IntegrationTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IdentityService identityService;

    private final List<String> temporaryReps = new ArrayList<>();

    /**
     * SOUTH, PRESCRIPTION, CLINIC: chen, the only SOUTH rep, matches 50 % (< 82), so the lead goes to the SOUTH pool
     * with a dispatch task for mia.
     */
    private JsonNode southPoolLead() {
        String company = unique("公海诊所");
        JsonNode lead = as("mia").postForObject("/api/leads", Map.of("name", "陈晨", "company", company,
                "email", company + "@example.cn", "phone", uniquePhone(), "source", "REFERRAL", "region", "SOUTH",
                "industry", "CLINIC", "productLine", "PRESCRIPTION", "visits30d", 5, "dwellSeconds", 300), JsonNode.class);
        assertThat(lead.get("status").asText()).isEqualTo("IN_POOL");
        return lead;
    }

    /** A new SOUTH rep whose profile matches {@link #southPoolLead()} 100 %, created after the lead was pooled. */
    private String newSouthPrescriptionRep() {
        String userId = unique("rep").toLowerCase();
        User user = identityService.newUser(userId);
        user.setPassword(userId);
        identityService.saveUser(user);
        identityService.createMembership(userId, "sales-rep");
        ResponseEntity<JsonNode> saved = exchangeProfile(userId, true);
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        temporaryReps.add(userId);
        return userId;
    }

    private ResponseEntity<JsonNode> exchangeProfile(String userId, boolean active) {
        Map<String, Object> profile = Map.of("regions", List.of("SOUTH"), "productLines", List.of("PRESCRIPTION"),
                "industries", List.of("CLINIC"), "capacity", 5, "active", active);
        return as("admin").exchange("/api/team/reps/" + userId, HttpMethod.PUT, new HttpEntity<>(profile), JsonNode.class);
    }

    /** Other tests post SOUTH leads too: the extra reps must not take them. */
    @AfterEach
    void retireTemporaryReps() {
        temporaryReps.forEach(userId -> exchangeProfile(userId, false));
        temporaryReps.clear();
    }

    @Test
    void repsOfTheRegionSeeThePoolMaskedOthersDoNot() {
        JsonNode lead = southPoolLead();
        long id = lead.get("id").asLong();
        String phone = lead.get("phone").asText();
        String lastFour = phone.substring(phone.length() - 4);

        JsonNode asChen = as("chen").getForObject("/api/leads/" + id, JsonNode.class);
        assertThat(asChen.get("phone").asText()).isEqualTo("139****" + lastFour);
        assertThat(asChen.get("email").asText()).matches("\\S\\*\\*\\*@example\\.cn");
        assertThat(asChen.get("contactMasked").asBoolean()).isTrue();
        assertThat(as("chen").getForObject("/api/pool?region=SOUTH", JsonNode.class).findValuesAsText("id")).contains(String.valueOf(id));

        JsonNode asMia = as("mia").getForObject("/api/leads/" + id, JsonNode.class);
        assertThat(asMia.get("phone").asText()).isEqualTo(phone);

        assertThat(as("bob").getForEntity("/api/leads/" + id, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("noah").getForEntity("/api/leads/" + id + "/timeline", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("fiona").getForEntity("/api/leads/" + id + "/decisions", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("bob").getForObject("/api/pool", JsonNode.class).findValuesAsText("id")).doesNotContain(String.valueOf(id));
    }

    @Test
    void aRepBelowTheMatchThresholdCannotClaim() {
        long id = southPoolLead().get("id").asLong();

        ResponseEntity<JsonNode> refused = as("chen").postForEntity("/api/leads/" + id + "/claim", null, JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("detail").asText()).contains("match 50 %");
        JsonNode unchanged = as("mia").getForObject("/api/leads/" + id, JsonNode.class);
        assertThat(unchanged.get("status").asText()).isEqualTo("IN_POOL");
        assertThat(as("mia").getForObject("/api/leads/" + id + "/decisions", JsonNode.class).findValuesAsText("kind"))
                .doesNotContain("CLAIM");
    }

    @Test
    void parallelClaimsHaveExactlyOneWinner() throws Exception {
        long id = southPoolLead().get("id").asLong();
        List<String> claimants = List.of(newSouthPrescriptionRep(), newSouthPrescriptionRep(), newSouthPrescriptionRep());
        List<Callable<ResponseEntity<JsonNode>>> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (String rep : claimants) {
                claims.add(() -> as(rep).postForEntity("/api/leads/" + id + "/claim", null, JsonNode.class));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<HttpStatus> statuses = new ArrayList<>();
        try {
            for (Future<ResponseEntity<JsonNode>> result : pool.invokeAll(claims)) {
                statuses.add(HttpStatus.valueOf(result.get().getStatusCode().value()));
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).filteredOn(HttpStatus.OK::equals).hasSize(1);
        assertThat(statuses).filteredOn(status -> status != HttpStatus.OK).containsOnly(HttpStatus.CONFLICT);
        JsonNode claimed = as("mia").getForObject("/api/leads/" + id, JsonNode.class);
        assertThat(claimed.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(claimed.get("owner").asText()).isIn(claimants);
        assertThat(as("mia").getForObject("/api/leads/" + id + "/timeline", JsonNode.class).findValuesAsText("type"))
                .filteredOn("DISPATCHED"::equals).hasSize(1);
        JsonNode claimDecision = as("mia").getForObject("/api/leads/" + id + "/decisions", JsonNode.class);
        assertThat(claimDecision.findValuesAsText("kind")).filteredOn("CLAIM"::equals).hasSize(1);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(LeadService.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(id)).singleResult())
                .isNotNull();
    }

    @Test
    void managerDispatchesRepsOfOtherRegionsCannotClaim() {
        long id = southPoolLead().get("id").asLong();

        assertThat(as("bob").postForEntity("/api/leads/" + id + "/claim", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("noah").postForEntity("/api/leads/" + id + "/dispatch", Map.of("rep", "dana"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> notARep = as("mia").postForEntity("/api/leads/" + id + "/dispatch", Map.of("rep", "fiona"), JsonNode.class);
        assertThat(notARep.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(as("mia").getForObject("/api/leads/" + id, JsonNode.class).get("status").asText()).isEqualTo("IN_POOL");

        ResponseEntity<JsonNode> dispatched = as("mia").postForEntity("/api/leads/" + id + "/dispatch", Map.of("rep", "chen"), JsonNode.class);

        assertThat(dispatched.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dispatched.getBody().get("owner").asText()).isEqualTo("chen");
        assertThat(as("chen").getForObject("/api/leads/" + id, JsonNode.class).get("contactMasked").asBoolean()).isFalse();
        assertThat(as("bob").postForEntity("/api/leads/" + id + "/claim", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void fiftyParallelPostsOfOneExternalIdMakeOneLead() throws Exception {
        Map<String, Object> lead = new HashMap<>(Map.of("name", "吴磊", "company", unique("并发药房"), "source", "WEBSITE",
                "region", "SOUTH", "industry", "PHARMACY", "productLine", "OTC", "visits30d", 2, "dwellSeconds", 90));
        lead.put("externalId", unique("burst"));
        List<Callable<ResponseEntity<JsonNode>>> posts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            posts.add(() -> as("mia").postForEntity("/api/leads", lead, JsonNode.class));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<ResponseEntity<JsonNode>> responses = new ArrayList<>();
        try {
            for (Future<ResponseEntity<JsonNode>> result : pool.invokeAll(posts)) {
                responses.add(result.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(responses).extracting(response -> response.getStatusCode().value()).containsOnly(201, 200)
                .filteredOn(status -> status == 201).hasSize(1);
        assertThat(responses).extracting(response -> response.getBody().get("id").asLong()).containsOnly(responses.get(0).getBody().get("id").asLong());
        assertThat(jdbc.sql("select count(*) from leads where external_id = ?").param(lead.get("externalId")).query(Long.class).single())
                .isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(LeadService.PROCESS_KEY)
                .processInstanceBusinessKey(responses.get(0).getBody().get("id").asText()).count())
                .isEqualTo(1);
    }
}
