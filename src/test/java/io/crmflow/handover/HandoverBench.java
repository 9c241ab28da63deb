package io.crmflow.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import io.crmflow.team.SalesTeam;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Benchmark only (bench/handover.sh; not part of the test suite, whose includes end in Test): the handover of a 2 000-record
 * book — 1 200 customers, 600 leads each with its running process and contact task, 200 open opportunities each with its
 * process and stage task — timed from the confirmation request to its answer. Writes target/bench/handover.txt.
 */
class HandoverBench extends IntegrationTest {

    private static final int CUSTOMERS = 1200;
    private static final int LEADS = 600;
    private static final int OPPORTUNITIES = 200;

    @Autowired
    IdentityService identity;

    @Autowired
    SalesTeam team;

    @Test
    void handOverA2000RecordBook() throws IOException {
        String leaver = unique("bench-leaver").toLowerCase();
        LeavingRep.create(identity, team, leaver);
        for (int i = 0; i < CUSTOMERS; i++) {
            String name = unique("bench-handover-customer");
            jdbc.sql("insert into customer (name, name_key, tier, decided_tier, account_owner, region, industry, lifecycle, created_by, created_at, "
                    + "updated_at) values (?, ?, 'C', 'C', ?, 'EAST', 'HOSPITAL', 'POTENTIAL', 'bench', current_timestamp, current_timestamp)")
                    .params(name, name, leaver).update();
        }
        for (int i = 0; i < LEADS; i++) {
            LeavingRep.leadDispatchedTo(as("mia"), leaver, unique("bench-handover-lead"));
        }
        for (int i = 0; i < OPPORTUNITIES; i++) {
            assertThat(as("mia").postForEntity("/api/opportunities", Map.of("name", unique("bench-handover-opportunity"), "region", "EAST",
                    "productLine", "DEVICES", "owner", leaver), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }

        long previewStart = System.nanoTime();
        ResponseEntity<JsonNode> started = as("mia").postForEntity("/api/handovers", Map.of("rep", leaver), JsonNode.class);
        long previewMillis = (System.nanoTime() - previewStart) / 1_000_000;
        int records = started.getBody().get("preview").get("records").size();
        long confirmStart = System.nanoTime();
        ResponseEntity<JsonNode> confirmed = as("mia").postForEntity("/api/handovers/" + started.getBody().get("processInstanceId").asText()
                + "/confirm", Map.of("defaultSuccessor", "bob"), JsonNode.class);
        long confirmMillis = (System.nanoTime() - confirmStart) / 1_000_000;

        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(confirmed.getBody().get("remaining").get("records")).isEmpty();
        long leftTasks = jdbc.sql("select count(*) from ACT_RU_TASK where ASSIGNEE_ = ?").param(leaver).query(Long.class).single();
        String result = "records " + records + ", start + preview " + previewMillis + " ms, confirm (one transaction) " + confirmMillis
                + " ms, tasks left with the rep " + leftTasks + "\n";
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/handover.txt"), result);
        System.out.println("HANDOVER BENCH: " + result);
    }
}
