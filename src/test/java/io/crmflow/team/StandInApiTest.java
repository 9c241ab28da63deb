package io.crmflow.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ProcessIntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Out of office through the API (docs/product.md §14): who may record it, and the refusals that name why. The second and
 * third week of September 2026 are used only here, on the engine's clock; every period is cancelled afterwards.
 */
class StandInApiTest extends ProcessIntegrationTest {

    private final List<String> recorded = new ArrayList<>();

    @BeforeEach
    void mondayMorning() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-09-14T09:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    }

    @AfterEach
    void cancelEverything() {
        recorded.forEach(path -> as("admin").delete(path));
    }

    private ResponseEntity<JsonNode> absence(String actor, String userId, String from, String to, String deputy) {
        Map<String, Object> body = new HashMap<>(Map.of("from", from, "to", to));
        if (deputy != null) {
            body.put("deputy", deputy);
        }
        ResponseEntity<JsonNode> response = as(actor).postForEntity("/api/team/" + userId + "/absences", body, JsonNode.class);
        if (response.getStatusCode() == HttpStatus.CREATED) {
            recorded.add("/api/team/" + userId + "/absences/" + response.getBody().get("id").asLong());
        }
        return response;
    }

    private static void refused(ResponseEntity<JsonNode> response, String field, String why) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().toString()).contains("\"" + field + "\"", why);
    }

    @Test
    void theRepOrTheirManagerRecordsAnAbsenceThatIsListedAuditedAndShownAsCurrent() {
        ResponseEntity<JsonNode> created = absence("mia", "alice", "2026-09-14", "2026-09-16", "frank");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();
        assertThat(created.getBody().get("createdBy").asText()).isEqualTo("mia");
        assertThat(as("alice").getForObject("/api/team/alice/absences", JsonNode.class)).anySatisfy(absence -> {
            assertThat(absence.get("id").asLong()).isEqualTo(id);
            assertThat(absence.get("deputy").asText()).isEqualTo("frank");
        });
        assertThat(as("bob").getForObject("/api/team/stand-ins/current", JsonNode.class)).anySatisfy(current -> {
            assertThat(current.get("standIn").get("id").asLong()).isEqualTo(id);
            assertThat(current.get("regions").toString()).contains("EAST");
        });
        assertThat(as("admin").getForObject("/api/audit?entity=stand_in&entityId=" + id, JsonNode.class)).isNotEmpty();

        assertThat(absence("bob", "alice", "2026-09-21", "2026-09-21", null).getStatusCode()).as("a colleague").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(absence("noah", "alice", "2026-09-21", "2026-09-21", null).getStatusCode()).as("another region's manager")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void overlapsDeputiesAwayOrOutsideTheGroupAndBadPeriodsAreRefusedNamingWhy() {
        assertThat(absence("alice", "alice", "2026-09-14", "2026-09-16", "frank").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        refused(absence("alice", "alice", "2026-09-16", "2026-09-18", null), "from", "Overlaps");

        assertThat(absence("frank", "frank", "2026-09-21", "2026-09-22", null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        refused(absence("bob", "bob", "2026-09-22", "2026-09-23", "frank"), "deputy", "frank is out of office");

        refused(absence("bob", "bob", "2026-09-24", "2026-09-24", "sam"), "deputy", "outside bob's group");
        refused(absence("bob", "bob", "2026-09-24", "2026-09-24", "bob"), "deputy", "themselves");
        refused(absence("bob", "bob", "2026-09-24", "2026-09-24", "nobody-such"), "deputy", "no user");
        refused(absence("bob", "bob", "2026-09-25", "2026-09-24", null), "to", "before it starts");
        refused(absence("bob", "bob", "2026-09-01", "2026-09-02", null), "to", "before today");
        assertThat(as("bob").getForObject("/api/team/bob/absences", JsonNode.class)).as("nothing recorded").isEmpty();
    }

    @Test
    void cancellingEndsThePeriodAndFreesItsDays() {
        ResponseEntity<JsonNode> created = absence("chen", "chen", "2026-09-14", "2026-09-18", null);
        String path = "/api/team/chen/absences/" + created.getBody().get("id").asLong();

        ResponseEntity<JsonNode> cancelled = as("mia").exchange(path, HttpMethod.DELETE, null, JsonNode.class);

        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cancelled.getBody().get("cancelledBy").asText()).isEqualTo("mia");
        assertThat(absence("chen", "chen", "2026-09-15", "2026-09-15", null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(as("chen").exchange("/api/team/chen/absences/99999999", HttpMethod.DELETE, null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
