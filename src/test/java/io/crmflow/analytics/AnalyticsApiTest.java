package io.crmflow.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * docs/product.md §7 numbers on imported history with known answers: the 1000/200/80/40/24 funnel of the issue, average days in
 * stage, loss reasons, forecast, leaderboard and stage dwell, and the row rules on each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsApiTest extends IntegrationTest {

    private static final String HEADER = HistoryCsv.HEADER;
    private static final LocalDate START = LocalDate.of(2025, 3, 3);

    @Autowired
    ProcessEngine processEngine;

    /** Fixture owners: unique per run, so that the suite's other opportunities never count. */
    private final String eastOwner = "hist-" + unique("e").substring(2);
    private final String northOwner = "hist-" + unique("n").substring(2);

    /**
     * 1000/200/80/40/24 EAST opportunities reached INITIAL_CONTACT/NEEDS_CONFIRMED/PROPOSAL/NEGOTIATION/WON (see
     * {@link HistoryCsv}). Plus 10 NORTH ones of another owner that stayed at INITIAL_CONTACT and were lost.
     */
    @BeforeAll
    void importHistory() {
        StringBuilder csv = new StringBuilder(HistoryCsv.funnel(eastOwner, "EAST", START, 1000, 200, 80, 40, 24));
        for (int i = 0; i < 10; i++) {
            csv.append(String.join(",", "N-" + northOwner + "-" + i, "北方 " + i, "", northOwner, "NORTH", "", "", START.toString(), "", "", "",
                    START.plusDays(1).toString(), "LOST", "PRICE")).append('\n');
        }
        ResponseEntity<JsonNode> imported = importCsv("admin", csv.toString());
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("closed").asInt()).isEqualTo(1010);
    }

    @Test
    void theFunnelOfTheImportedHistoryConverts20_40_50_60PercentWithAverageDaysInStage() {
        JsonNode funnel = as("admin").getForObject("/api/analytics/funnel?owner=" + eastOwner, JsonNode.class);

        assertThat(numbers(stage(funnel, "INITIAL_CONTACT"))).containsExactly(1000L, 200L, 800L, 20.0, 2.2);
        assertThat(numbers(stage(funnel, "NEEDS_CONFIRMED"))).containsExactly(200L, 80L, 120L, 40.0, 3.2);
        assertThat(numbers(stage(funnel, "PROPOSAL"))).containsExactly(80L, 40L, 40L, 50.0, 4.5);
        assertThat(numbers(stage(funnel, "NEGOTIATION"))).containsExactly(40L, 24L, 16L, 60.0, 6.8);
        assertThat(stage(funnel, "WON").get("entered").asLong()).isEqualTo(24);
        assertThat(stage(funnel, "WON").has("conversionPercent")).isFalse();
        // 976 lost, i % 4 over the indexes 24..999 that were lost: 244 each.
        assertThat(funnel.get("lossReasons")).hasSize(4).allSatisfy(reason -> assertThat(reason.get("count").asLong()).isEqualTo(244));
    }

    @Test
    void thePeriodCountsTheStagesEnteredInIt() {
        // Only the first two days of contacts: indexes with i % 20 in {0, 1}, 100 of them; 20 of those (i < 200) moved on.
        JsonNode funnel = as("admin").getForObject("/api/analytics/funnel?owner=" + eastOwner + "&from=" + START + "&to=" + START.plusDays(1),
                JsonNode.class);

        assertThat(stage(funnel, "INITIAL_CONTACT").get("entered").asLong()).isEqualTo(100);
        assertThat(stage(funnel, "INITIAL_CONTACT").get("converted").asLong()).isEqualTo(20);
        assertThat(stage(funnel, "NEEDS_CONFIRMED").get("entered").asLong()).as("entered 3 days later, outside the period").isZero();
        JsonNode everyone = as("admin").getForObject("/api/analytics/funnel?from=" + START + "&to=" + START.plusDays(1), JsonNode.class);
        assertThat(stage(everyone, "INITIAL_CONTACT").get("entered").asLong()).as("no filter: the 10 NORTH ones too").isEqualTo(110);
    }

    @Test
    void theOpportunitiesBehindAStageAreTheOnesCounted() {
        JsonNode behind = as("admin").getForObject("/api/analytics/funnel/opportunities?stage=NEGOTIATION&limit=1000&owner=" + eastOwner,
                JsonNode.class);

        assertThat(behind).hasSize(40);
        assertThat(StreamSupport.stream(behind.spliterator(), false).filter(o -> "WON".equals(o.path("exitedTo").asText())).count()).isEqualTo(24);
        assertThat(behind.get(0).get("owner").asText()).isEqualTo(eastOwner);
    }

    @Test
    void leaderboardAndStageDwellOfTheHistory() {
        JsonNode leaderboard = as("admin").getForObject("/api/analytics/leaderboard?owner=" + eastOwner, JsonNode.class);
        assertThat(leaderboard).hasSize(1);
        assertThat(leaderboard.get(0).get("won").asLong()).isEqualTo(24);
        assertThat(leaderboard.get(0).get("wonAmount").decimalValue()).isEqualByComparingTo("240000.00");

        JsonNode dwell = as("admin").getForObject("/api/analytics/stage-dwell?owner=" + eastOwner, JsonNode.class);
        assertThat(dwell.findValuesAsText("stage")).containsExactly("INITIAL_CONTACT", "NEEDS_CONFIRMED", "NEGOTIATION", "PROPOSAL");
        assertThat(dwell.findValues("averageDays")).extracting(JsonNode::asDouble).containsExactly(2.2, 3.2, 6.8, 4.5);
    }

    @Test
    void openRowsContinueInTheirProcessAndTheForecastWeighsThemByStage() {
        String csv = HEADER
                + "F-" + eastOwner + "-1,监护仪 A,深圳一院,chen,SOUTH,100000.00,2031-03-15,2030-01-02,2030-01-09,2030-02-01,,,,\n"
                + "F-" + eastOwner + "-2,监护仪 B,深圳二院,chen,SOUTH,200000.00,2031-03-20,2030-01-02,2030-01-09,2030-02-01,2030-03-01,,,\n"
                + "F-" + eastOwner + "-3,耗材 C,广州三院,chen,SOUTH,50000.00,2031-04-02,2030-01-05,,,,,,\n";
        JsonNode report = importCsv("mia", csv).getBody();
        assertThat(report.get("opened").asInt()).isEqualTo(3);
        long proposal = report.get("rows").get(0).get("opportunityId").asLong();
        JsonNode opportunity = as("chen").getForObject("/api/opportunities/" + proposal, JsonNode.class);
        assertThat(opportunity.get("stage").asText()).isEqualTo("PROPOSAL");
        assertThat(processEngine.getTaskService().createTaskQuery().processDefinitionKey("opportunity")
                .processInstanceBusinessKey(String.valueOf(proposal)).singleResult().getAssignee()).isEqualTo("chen");

        JsonNode forecast = as("mia").getForObject("/api/analytics/forecast?owner=chen&from=2031-01-01&to=2031-12-31", JsonNode.class);
        assertThat(forecast.findValuesAsText("month")).containsExactly("2031-03", "2031-04");
        assertThat(forecast.get(0).get("weighted").decimalValue()).as("100 000 × 50 % + 200 000 × 80 %").isEqualByComparingTo("210000.00");
        assertThat(forecast.get(0).get("pipeline").decimalValue()).isEqualByComparingTo("300000.00");
        assertThat(forecast.get(1).get("weighted").decimalValue()).as("50 000 × 10 %").isEqualByComparingTo("5000.00");
        assertThat(as("chen").getForObject("/api/analytics/forecast?from=2031-01-01&to=2031-12-31", JsonNode.class))
                .as("chen's own numbers").hasSize(2);
        assertThat(as("noah").getForObject("/api/analytics/forecast?owner=chen&from=2031-01-01&to=2031-12-31", JsonNode.class))
                .as("SOUTH is not noah's").isEmpty();

        assertThat(importCsv("mia", csv).getBody().get("skipped").asInt()).as("importing the same file again").isEqualTo(3);
    }

    @Test
    void aRepSeesOwnNumbersAndAManagerTheirRegions() {
        assertThat(as("alice").getForEntity("/api/analytics/funnel?owner=" + eastOwner, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(stage(as("alice").getForObject("/api/analytics/funnel?from=2025-01-01&to=2025-12-31", JsonNode.class), "INITIAL_CONTACT")
                .get("entered").asLong()).as("alice owns none of the history").isZero();
        assertThat(stage(as("mia").getForObject("/api/analytics/funnel?owner=" + eastOwner, JsonNode.class), "INITIAL_CONTACT")
                .get("entered").asLong()).as("EAST is mia's").isEqualTo(1000);
        assertThat(stage(as("mia").getForObject("/api/analytics/funnel?owner=" + northOwner, JsonNode.class), "INITIAL_CONTACT")
                .get("entered").asLong()).as("NORTH is not").isZero();
        assertThat(stage(as("noah").getForObject("/api/analytics/funnel?owner=" + northOwner, JsonNode.class), "INITIAL_CONTACT")
                .get("entered").asLong()).isEqualTo(10);
        assertThat(as("mia").getForEntity("/api/analytics/funnel?region=NORTH", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("noah").getForObject("/api/analytics/funnel/opportunities?stage=INITIAL_CONTACT&owner=" + eastOwner, JsonNode.class))
                .isEmpty();
        assertThat(as("sam").getForEntity("/api/analytics/leaderboard", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void stageMovesCountInTheFunnelAndTheDailyCountsMatchTheStageHistory() {
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String path = "/api/analytics/funnel?owner=dana&from=" + today + "&to=" + today;
        JsonNode before = as("noah").getForObject(path, JsonNode.class);
        long id = as("dana").postForObject("/api/opportunities", java.util.Map.of("name", unique("协和 监护仪"), "region", "NORTH"), JsonNode.class)
                .get("id").asLong();
        move(id, java.util.Map.of("stage", "NEEDS_CONFIRMED", "details", java.util.Map.of("contactPerson", "王主任", "firstMeetingNote", "首次拜访，有采购计划")));
        move(id, java.util.Map.of("stage", "LOST", "lossReason", "NO_BUDGET"));

        JsonNode after = as("noah").getForObject(path, JsonNode.class);
        assertThat(delta(before, after, "INITIAL_CONTACT")).containsExactly(1L, 1L, 0L);
        assertThat(delta(before, after, "NEEDS_CONFIRMED")).containsExactly(1L, 0L, 1L);
        // Whatever the suite did so far: the daily counts the funnel reads agree with the stage history row by row.
        String perStage = " group by stage, region, owner_id order by stage, region, owner_id";
        assertThat(jdbc.sql("select stage, region, owner_id, sum(entered), sum(converted), sum(lost), sum(seconds_total), sum(stays_ended)"
                        + " from opportunity_stage_day" + perStage).query(AnalyticsApiTest::countsRow).list())
                .isEqualTo(jdbc.sql("select stage, region, owner_id, count(*), count(*) filter (where exited_to <> 'LOST'),"
                        + " count(*) filter (where exited_to = 'LOST'), coalesce(sum(seconds_in_stage), 0), count(seconds_in_stage)"
                        + " from opportunity_stage" + perStage).query(AnalyticsApiTest::countsRow).list());
    }

    /** stage, region, owner, then five counts. */
    private static List<Object> countsRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                rs.getLong(8));
    }

    private void move(long opportunityId, java.util.Map<String, Object> move) {
        assertThat(as("dana").postForEntity("/api/opportunities/" + opportunityId + "/stage", move, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /** entered, converted, lost added to a stage between two funnels. */
    private static List<Long> delta(JsonNode before, JsonNode after, String stage) {
        return List.of(stage(after, stage).get("entered").asLong() - stage(before, stage).get("entered").asLong(),
                stage(after, stage).get("converted").asLong() - stage(before, stage).get("converted").asLong(),
                stage(after, stage).get("lost").asLong() - stage(before, stage).get("lost").asLong());
    }

    @Test
    void aFileWithABadRowImportsNothing() {
        long before = count("opportunity");
        String csv = HEADER
                + "B-" + eastOwner + "-1,好的,,x,EAST,,,2025-01-02,,,,2025-01-05,LOST,PRICE\n"
                + "B-" + eastOwner + "-2,日期倒序,,x,EAST,,,2025-01-02,2025-01-01,,,2025-01-05,LOST,PRICE\n"
                + "B-" + eastOwner + "-3,缺原因,,x,MARS,,,2025-01-02,,,,2025-01-05,LOST,\n";
        ResponseEntity<JsonNode> refused = importCsv("admin", csv);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).contains("needsConfirmed", "region", "lossReason");
        assertThat(refused.getBody().get("errors").findValuesAsText("line")).contains("3", "4").doesNotContain("2");
        assertThat(count("opportunity")).isEqualTo(before);
        assertThat(importCsv("alice", csv).getStatusCode()).as("reps do not import").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(importCsv("mia", HEADER.replace("owner", "boss") + "x\n").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private ResponseEntity<JsonNode> importCsv(String user, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv; charset=UTF-8"));
        return as(user).postForEntity("/api/import/opportunities", new HttpEntity<>(csv, headers), JsonNode.class);
    }

    private static JsonNode stage(JsonNode funnel, String stage) {
        return StreamSupport.stream(funnel.get("stages").spliterator(), false).filter(s -> s.get("stage").asText().equals(stage)).findFirst()
                .orElseThrow();
    }

    /** entered, converted, lost, conversion %, average days in stage. */
    private static List<Object> numbers(JsonNode stage) {
        return List.of(stage.get("entered").asLong(), stage.get("converted").asLong(), stage.get("lost").asLong(),
                stage.get("conversionPercent").asDouble(), stage.get("averageDaysInStage").asDouble());
    }

}
