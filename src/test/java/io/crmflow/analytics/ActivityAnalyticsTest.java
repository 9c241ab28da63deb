package io.crmflow.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import io.crmflow.persistence.SqlTimes;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Field work numbers (docs/product.md §13): a rep's week of visits, calls with minutes, demos and late entries; cadence
 * compliance per tier; late activities in data quality. The database is shared with other tests, so each number is
 * asserted as what this test added to it.
 */
class ActivityAnalyticsTest extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private JsonNode report(String user, String query) {
        return as(user).getForObject("/api/analytics/activities" + query, JsonNode.class);
    }

    private static JsonNode week(JsonNode report, String rep, LocalDate monday) {
        for (JsonNode row : report.get("weeks")) {
            if (row.get("rep").asText().equals(rep) && row.get("week").asText().equals(monday.toString())) {
                return row;
            }
        }
        return null;
    }

    private static long number(JsonNode row, String field) {
        return row == null ? 0 : row.get(field).asLong();
    }

    private static JsonNode tier(JsonNode report, String tier) {
        for (JsonNode row : report.get("cadence")) {
            if (row.get("tier").asText().equals(tier)) {
                return row;
            }
        }
        throw new AssertionError("no tier " + tier + " in " + report);
    }

    @Test
    void aRepsWeekCountsVisitsCallsWithMinutesDemosAndLateEntries() {
        Instant visitAt = Instant.now().minus(Duration.ofHours(1));
        Instant lateAt = Instant.now().minus(Duration.ofDays(4));
        LocalDate from = LocalDate.ofInstant(lateAt, SHANGHAI);
        String query = "?from=" + from + "&to=" + LocalDate.now(SHANGHAI).plusDays(1) + "&owner=chen";
        JsonNode before = report("mia", query);
        long dataQualityBefore = as("mia").getForObject("/api/analytics/data-quality?owner=chen", JsonNode.class)
                .get("activitiesRecordedLate").get("count").asLong();
        long customer = as("chen").postForObject("/api/customers", Map.of("name", unique("中山周报药房"), "region", "SOUTH"), JsonNode.class)
                .get("id").asLong();

        record(customer, "VISIT", visitAt, 40);
        record(customer, "CALL", visitAt, 15);
        record(customer, "CALL", visitAt, 10);
        record(customer, "DEMO", visitAt, 60);
        record(customer, "EMAIL", lateAt, null);

        JsonNode after = report("mia", query);
        LocalDate monday = LocalDate.ofInstant(visitAt, SHANGHAI).with(DayOfWeek.MONDAY);
        JsonNode weekBefore = week(before, "chen", monday);
        JsonNode weekAfter = week(after, "chen", monday);
        assertThat(number(weekAfter, "visits") - number(weekBefore, "visits")).isEqualTo(1);
        assertThat(number(weekAfter, "calls") - number(weekBefore, "calls")).isEqualTo(2);
        assertThat(number(weekAfter, "callMinutes") - number(weekBefore, "callMinutes")).isEqualTo(25);
        assertThat(number(weekAfter, "demos") - number(weekBefore, "demos")).isEqualTo(1);
        LocalDate lateMonday = LocalDate.ofInstant(lateAt, SHANGHAI).with(DayOfWeek.MONDAY);
        assertThat(number(week(after, "chen", lateMonday), "lateEntries") - number(week(before, "chen", lateMonday), "lateEntries")).isEqualTo(1);
        assertThat(as("mia").getForObject("/api/analytics/data-quality?owner=chen", JsonNode.class).get("activitiesRecordedLate").get("count")
                .asLong()).isEqualTo(dataQualityBefore + 1);

        assertThat(as("alice").getForEntity("/api/analytics/activities?owner=chen", JsonNode.class).getStatusCode())
                .as("a rep sees their own numbers only").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(week(report("noah", "?from=" + from), "chen", monday)).as("noah manages NORTH and SOUTHWEST, not chen's SOUTH").isNull();
    }

    private void record(long customer, String kind, Instant at, Integer minutes) {
        Map<String, Object> activity = minutes == null ? Map.of("kind", kind, "occurredAt", at.toString())
                : Map.of("kind", kind, "occurredAt", at.toString(), "minutes", minutes);
        assertThat(as("chen").postForEntity("/api/customers/" + customer + "/activities", activity, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aCustomerBehindItsCadenceLowersItsTiersCompliance() {
        JsonNode before = tier(report("mia", ""), "C");
        long customer = as("chen").postForObject("/api/customers", Map.of("name", unique("江门落后药房"), "region", "SOUTH"), JsonNode.class)
                .get("id").asLong();
        jdbc.sql("update customer set created_at = ? where id = ?").params(SqlTimes.timestamp(Instant.now().minus(Duration.ofDays(45))), customer)
                .update();

        JsonNode after = tier(report("mia", ""), "C");

        assertThat(after.get("customers").asLong()).isEqualTo(before.get("customers").asLong() + 1);
        assertThat(after.get("behind").asLong()).isEqualTo(before.get("behind").asLong() + 1);
        double expected = 100.0 * (after.get("customers").asLong() - after.get("behind").asLong()) / after.get("customers").asLong();
        assertThat(after.get("compliancePercent").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.05));
    }
}
