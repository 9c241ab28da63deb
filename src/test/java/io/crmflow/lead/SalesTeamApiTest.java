package io.crmflow.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Rep profiles drive assignment; managers edit those of their regions, administrators all. */
class SalesTeamApiTest extends IntegrationTest {

    private ResponseEntity<JsonNode> put(String user, String rep, Object profile) {
        return as(user).exchange("/api/team/reps/" + rep, HttpMethod.PUT, new HttpEntity<>(profile), JsonNode.class);
    }

    @Test
    void managerChangesAProfileAndTheNextLeadFollowsIt() {
        // eli is the only SOUTHWEST rep; noah (SOUTHWEST manager) turns him to NORTH-only: SOUTHWEST leads go to the pool.
        Map<String, Object> northOnly = Map.of("regions", List.of("NORTH"), "productLines", List.of("OTC", "PRESCRIPTION", "DEVICES", "CONSUMABLES"),
                "industries", List.of("HOSPITAL", "PHARMACY", "CLINIC", "DISTRIBUTOR"), "capacity", 15);
        Map<String, Object> original = Map.of("regions", List.of("SOUTHWEST"), "productLines", List.of("OTC", "PRESCRIPTION", "DEVICES", "CONSUMABLES"),
                "industries", List.of("HOSPITAL", "PHARMACY", "CLINIC", "DISTRIBUTOR"), "capacity", 15);
        try {
            assertThat(put("noah", "eli", northOnly).getStatusCode()).isEqualTo(HttpStatus.OK);

            JsonNode lead = as("noah").postForObject("/api/leads", Map.of("name", "郑爽", "company", unique("成都"),
                    "source", "REFERRAL", "region", "SOUTHWEST", "industry", "HOSPITAL", "productLine", "DEVICES",
                    "visits30d", 10, "dwellSeconds", 600), JsonNode.class);

            assertThat(lead.get("status").asText()).isEqualTo("IN_POOL");
        } finally {
            assertThat(put("admin", "eli", original).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void onlyAdminsAndTheRepsManagersMayEditProfiles() {
        Map<String, Object> profile = Map.of("regions", List.of("EAST"), "productLines", List.of("DEVICES"),
                "industries", List.of("HOSPITAL"), "capacity", 10);

        assertThat(put("bob", "frank", profile).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("noah", "frank", profile).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("mia", "frank", Map.of("regions", List.of("NORTH"), "productLines", List.of("DEVICES"),
                "industries", List.of("HOSPITAL"), "capacity", 10)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("mia", "frank", profile).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void badProfilesAreProblems() {
        long reps = count("sales_rep");

        ResponseEntity<JsonNode> unknownRegion = put("admin", "frank", Map.of("regions", List.of("MARS"), "productLines", List.of("DEVICES"),
                "industries", List.of("HOSPITAL"), "capacity", 10));
        ResponseEntity<JsonNode> negative = put("admin", "frank", Map.of("regions", List.of("EAST"), "productLines", List.of("DEVICES"),
                "industries", List.of("HOSPITAL"), "capacity", -1));
        ResponseEntity<JsonNode> noRegions = put("admin", "frank", Map.of("regions", List.of(), "productLines", List.of("DEVICES"),
                "industries", List.of("HOSPITAL"), "capacity", 1));
        ResponseEntity<JsonNode> nobody = put("admin", "ghost", Map.of("regions", List.of("EAST"), "productLines", List.of("DEVICES"),
                "industries", List.of("HOSPITAL"), "capacity", 1));

        assertThat(unknownRegion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownRegion.getBody().get("errors").toString()).contains("regions");
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(negative.getBody().get("errors").findValuesAsText("field")).containsExactly("capacity");
        assertThat(noRegions.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(count("sales_rep")).isEqualTo(reps);
        assertThat(as("alice").getForObject("/api/team/reps", JsonNode.class).findValuesAsText("userId")).contains("frank");
    }
}
