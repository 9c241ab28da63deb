package io.crmflow.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.team.Industry;
import io.crmflow.team.ProductLine;
import io.crmflow.team.Region;
import io.crmflow.team.SalesRep;
import io.crmflow.team.SalesTeam;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A rep of EAST (managed by mia) made for one test, so that what they own is exactly what the test gave them. */
final class LeavingRep {

    private LeavingRep() {
    }

    static void create(IdentityService identity, SalesTeam team, String userId) {
        User user = identity.newUser(userId);
        user.setPassword(userId);
        user.setEmail(userId + "@example.cn");
        identity.saveUser(user);
        identity.createMembership(userId, "sales-rep");
        team.saveRep(new SalesRep(userId, EnumSet.of(Region.EAST), EnumSet.of(ProductLine.DEVICES), EnumSet.of(Industry.HOSPITAL), 20, true),
                "test");
    }

    /** A grade A lead from EAST naming no product line or industry (so nobody matches it), dispatched to the rep by mia. */
    static long leadDispatchedTo(TestRestTemplate mia, String rep, String company) {
        ResponseEntity<JsonNode> lead = mia.postForEntity("/api/leads", Map.of("name", "赵敏", "company", company, "email",
                company + "@example.cn", "source", "REFERRAL", "region", "EAST", "visits30d", 10, "dwellSeconds", 600), JsonNode.class);
        long id = lead.getBody().get("id").asLong();
        assertThat(mia.postForEntity("/api/leads/" + id + "/dispatch", Map.of("rep", rep), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        return id;
    }
}
