package io.crmflow.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import io.crmflow.persistence.SqlTimes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The calibration of the lead grades (docs/product.md §15) on the test database, H2 or PostgreSQL. Its leads are made in May
 * 2001, a month no other test writes to, so the numbers of that month are exactly theirs.
 */
class GradeCalibrationTest extends IntegrationTest {

    private static final Instant MAY_2001 = Instant.parse("2001-05-01T00:00:00Z");
    private static final Instant JUNE_2001 = Instant.parse("2001-06-01T00:00:00Z");

    @Autowired
    GradeCalibration calibration;

    @Test
    void perGradeAndSourceTheLeadsQualifiedAndWonAndTheMedianDaysToQualify() {
        // Grade A: 4 referrals, 3 qualified after 2, 4 and 9 days (median 4), 1 of them won; 1 website lead never qualified.
        long first = lead("A", "REFERRAL", 1, "CONVERTED");
        opportunity(first, 1 + 2, "WON");
        opportunity(lead("A", "REFERRAL", 2, "CONVERTED"), 2 + 4, "LOST");
        opportunity(lead("A", "REFERRAL", 3, "CONVERTED"), 3 + 9, "PROPOSAL");
        lead("A", "REFERRAL", 4, "DISQUALIFIED");
        lead("A", "WEBSITE", 5, "DISQUALIFIED");
        // Grade D: 2 cold calls, none qualified; one lead before the month counts nowhere.
        lead("D", "COLD_CALL", 6, "NURTURING");
        lead("D", "COLD_CALL", 7, "DISQUALIFIED");
        lead("D", "COLD_CALL", -3, "DISQUALIFIED");

        GradeCalibration.Calibration may = calibration.since(1, JUNE_2001, "v-test");

        assertThat(may.grades()).containsExactly(
                new GradeCalibration.Row("A", null, 5, 3, 1, 60.0, 20.0, 4.0),
                new GradeCalibration.Row("D", null, 2, 0, 0, 0.0, 0.0, null));
        assertThat(may.bySource()).containsExactly(
                new GradeCalibration.Row("A", "REFERRAL", 4, 3, 1, 75.0, 25.0, 4.0),
                new GradeCalibration.Row("A", "WEBSITE", 1, 0, 0, 0.0, 0.0, null),
                new GradeCalibration.Row("D", "COLD_CALL", 2, 0, 0, 0.0, 0.0, null));
        assertThat(may.from()).isEqualTo(MAY_2001);
        assertThat(may.ruleSetVersion()).isEqualTo("v-test");
    }

    @Test
    void theApiAnswersRulesOwnersAndAdministratorsOnly() {
        JsonNode answer = as("rui").getForObject("/api/rules/calibration?months=6", JsonNode.class);
        assertThat(answer.get("months").asInt()).isEqualTo(6);
        assertThat(answer.get("ruleSetVersion").asText()).isEqualTo(as("rui").getForObject("/api/rules", JsonNode.class)
                .get("active").get("version").asText());
        assertThat(answer.get("grades").isArray()).isTrue();
        assertThat(as("admin").getForEntity("/api/rules/calibration", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> refused = as("alice").getForEntity("/api/rules/calibration", JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ResponseEntity<JsonNode> tooLong = as("rui").getForEntity("/api/rules/calibration?months=37", JsonNode.class);
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody().toString()).contains("months");
    }

    private long lead(String grade, String source, int day, String status) {
        Instant created = MAY_2001.plus(Duration.ofDays(day));
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into leads (name, source, region, visits_30d, dwell_seconds, score, grade, status, created_at, updated_at)
                        values (?, ?, 'EAST', 0, 0, 50, ?, ?, ?, ?)""")
                .params(unique("calibration"), source, grade, status, SqlTimes.timestamp(created), SqlTimes.timestamp(created))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private void opportunity(long lead, int day, String stage) {
        Instant created = MAY_2001.plus(Duration.ofDays(day));
        jdbc.sql("""
                        insert into opportunity (lead_id, name, owner_id, region, stage, win_probability, stage_entered_at,
                                                 last_activity_at, created_at, updated_at)
                        values (?, ?, 'alice', 'EAST', ?, 0, ?, ?, ?, ?)""")
                .params(lead, unique("calibration"), stage, SqlTimes.timestamp(created), SqlTimes.timestamp(created),
                        SqlTimes.timestamp(created), SqlTimes.timestamp(created))
                .update();
    }
}
