package io.crmflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * {@code kill -9} of a node on the embedded default (H2 file database in {@code ./data}, as {@code java -jar} runs it)
 * while leads are being posted, right after a rule-set activation, a ticket and an opportunity's stage move were answered;
 * then the node is started again on the same data. Everything answered 2xx must be there, once, with its process
 * instance: an answer means the write is in the database file, not in a buffer that H2 writes out half a second later
 * (its default {@code WRITE_DELAY}, which lost the writes of the last half second before a kill — issue 26).
 */
class EmbeddedCrashClusterTest {

    private static final Path RUNS = Path.of("target", "embedded-crash");
    private static final Path SHIPPED_RULES = Path.of("rules");
    private static final int CLIENTS = 4;
    private static final int KILL_AFTER_LEADS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** Answered just before the kill, each by its own request, all in flight together. */
    record LastWrites(long activatedRuleSet, long ticket, long movedOpportunity) {
    }

    @Test
    void everythingAnsweredBeforeAKillIsInTheDatabaseAfterTheRestart() throws Exception {
        Path directory = freshDirectory();
        Map<String, ApiLoad.Attempt> leadAnswers;
        LastWrites lastWrites;
        JsonNode auditHead;
        try (CrmflowNode node = CrmflowNode.startEmbedded("embedded", directory, SHIPPED_RULES)) {
            long opportunity = call(node, "POST", "mia", "/api/opportunities", """
                    {"name":"崩溃测试 监护仪","company":"广州中山医院","region":"SOUTH","productLine":"DEVICES","owner":"chen"}""", 201)
                    .get("id").asLong();
            long customer = call(node, "GET", "sam", "/api/customers", null, 200).get("items").get(0).get("id").asLong();
            long candidate = uploadCandidate(node);

            ApiLoad leads = new ApiLoad(List.of(node), CLIENTS, Integer.MAX_VALUE, Duration.ZERO, false,
                    index -> Workload.lead("embedded-crash", index));
            assertThat(ClusterState.await(Duration.ofMinutes(2), () -> leads.answers().size() >= KILL_AFTER_LEADS))
                    .as("%d leads answered within 2 minutes", KILL_AFTER_LEADS).isTrue();
            auditHead = call(node, "GET", "admin", "/api/audit/verify", null, 200);

            ExecutorService lastRequests = Executors.newFixedThreadPool(3);
            CompletableFuture<JsonNode> activation = CompletableFuture.supplyAsync(() ->
                    call(node, "POST", "rui", "/api/rules/candidates/" + candidate + "/activate", null, 200), lastRequests);
            CompletableFuture<JsonNode> ticket = CompletableFuture.supplyAsync(() ->
                    call(node, "POST", "sam", "/api/tickets", Workload.ticket("embedded-crash", customer, 1).json(), 201), lastRequests);
            CompletableFuture<JsonNode> stageMove = CompletableFuture.supplyAsync(() ->
                    call(node, "POST", "chen", "/api/opportunities/" + opportunity + "/stage", """
                            {"stage":"NEEDS_CONFIRMED","details":{"contactPerson":"刘主任","firstMeetingNote":"设备科首次拜访"}}""", 200),
                    lastRequests);
            lastWrites = new LastWrites(activation.join().get("id").asLong(), ticket.join().get("id").asLong(),
                    stageMove.join().get("id").asLong());
            lastRequests.shutdown();
            assertThat(lastWrites.movedOpportunity()).isEqualTo(opportunity);

            node.kill();
            leads.stop();
            leads.await(Duration.ofMinutes(1)).close();
            leadAnswers = leads.answers();
        }

        // Soft: a failure lists everything that was lost, not only the first loss found.
        SoftAssertions softly = new SoftAssertions();
        try (CrmflowNode restarted = CrmflowNode.startEmbedded("embedded-restarted", directory, SHIPPED_RULES)) {
            softly.assertThat(call(restarted, "GET", "rui", "/api/rules", null, 200).get("active").get("id").asLong())
                    .as("active rule-set version served after the restart").isEqualTo(lastWrites.activatedRuleSet());
            softly.assertThat(call(restarted, "GET", "admin", "/api/audit/verify", null, 200).get("valid").asBoolean())
                    .as("audit chain verifies after the restart").isTrue();
            // An index no lead of the load reaches: Workload's phone numbers derive from it, and de-duplication matches them.
            call(restarted, "POST", "mia", "/api/leads", Workload.lead("after-restart", 99_999_999).json(), 201);
        }

        try (Database database = new Database(directory)) {
            Set<String> acknowledged = leadAnswers.entrySet().stream().filter(entry -> entry.getValue().status() == 201)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            Map<String, LeadRow> stored = database.leads("embedded-crash-");
            softly.assertThat(acknowledged).as("leads answered 201 before the kill").hasSizeGreaterThanOrEqualTo(KILL_AFTER_LEADS);
            softly.assertThat(leadAnswers.values()).as("lead answers: 201, or none (-1) for requests the kill cut off")
                    .allSatisfy(answer -> assertThat(answer.status()).as(answer.key()).isIn(201, -1));
            List<String> lost = acknowledged.stream().filter(externalId -> !stored.containsKey(externalId)).sorted().toList();
            softly.assertThat(lost).as("leads answered 201 but gone after the restart (of %d answered)", acknowledged.size()).isEmpty();
            softly.assertThat(stored.values()).as("stored leads").allSatisfy(lead -> {
                assertThat(lead.copies()).as("copies of lead %s", lead.externalId()).isEqualTo(1);
                assertThat(lead.processRunning()).as("process instance of lead %s", lead.externalId()).isTrue();
            });
            softly.assertThat(database.ticketProcessRunning(lastWrites.ticket()))
                    .as("ticket %d answered 201 just before the kill, with its running process", lastWrites.ticket()).isTrue();
            softly.assertThat(database.opportunityStage(lastWrites.movedOpportunity()))
                    .as("opportunity %d moved just before the kill: its stage, its process's stage, its open stage tasks",
                            lastWrites.movedOpportunity())
                    .isEqualTo(List.of("NEEDS_CONFIRMED", "NEEDS_CONFIRMED", "1"));
            long headSeq = auditHead.get("headSeq").asLong();
            softly.assertThat(headSeq == 0 ? auditHead.get("headHash").asText() : database.sealHash(headSeq))
                    .as("audit seal %d, read back before the kill", headSeq).isEqualTo(auditHead.get("headHash").asText());
            System.out.printf("embedded crash: %d leads answered 201 before kill -9, %d of them lost; %d requests cut off by the"
                            + " kill, %d leads stored; rule-set activation, ticket and stage move answered just before the kill%n",
                    acknowledged.size(), lost.size(), leadAnswers.values().stream().filter(answer -> answer.status() == -1).count(),
                    stored.size());
            softly.assertAll();
        }
    }

    /** A directory of this run's own under target/; those of earlier runs go. */
    private static Path freshDirectory() throws IOException {
        if (Files.exists(RUNS)) {
            try (Stream<Path> old = Files.walk(RUNS)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(RUNS.resolve("run-" + System.currentTimeMillis()));
    }

    /** The shipped lead score table with referrals worth 30 points instead of 40, uploaded as a candidate; its id. */
    private static long uploadCandidate(CrmflowNode node) throws IOException {
        String shipped = Files.readString(SHIPPED_RULES.resolve("lead-score.dmn"));
        String referralPoints = "<outputEntry id=\"SourcePoints_Row1_Out\"><text>40</text></outputEntry>";
        assertThat(shipped).contains(referralPoints);
        byte[] table = shipped.replace(referralPoints, referralPoints.replace("40", "30")).getBytes(StandardCharsets.UTF_8);
        String boundary = "crmflow-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"lead-score.dmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(table);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = authorized(node, "rui", "/api/rules/candidates")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return send(request, 201).get("id").asLong();
    }

    /** One API call as {@code user} (password = user id, the demo users); fails unless it answers {@code expected}. */
    private static JsonNode call(CrmflowNode node, String method, String user, String path, String json, int expected) {
        HttpRequest.Builder request = authorized(node, user, path);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request.build(), expected);
    }

    private static HttpRequest.Builder authorized(CrmflowNode node, String user, String path) {
        return HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(60)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s: %s", request.method(), request.uri(), response.body()).isEqualTo(expected);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A lead row as the restarted node left it. */
    record LeadRow(String externalId, int copies, boolean processRunning) {
    }

    /** The node's H2 file, opened by the test once the node has stopped cleanly. */
    private static final class Database implements AutoCloseable {

        private final JdbcClient jdbc;

        Database(Path directory) {
            this.jdbc = JdbcClient.create(new SimpleDriverDataSource(new org.h2.Driver(),
                    "jdbc:h2:file:" + directory.toAbsolutePath().resolve("data").resolve("crmflow"), "sa", ""));
        }

        Map<String, LeadRow> leads(String externalIdPrefix) {
            return jdbc.sql("""
                            select l.external_id, count(*) as copies,
                                   min(case when exists (select 1 from act_ru_execution e where e.id_ = l.process_instance_id)
                                            then 1 else 0 end) as process_running
                            from leads l where l.external_id like ? group by l.external_id""")
                    .param(externalIdPrefix + "%")
                    .query((rs, row) -> new LeadRow(rs.getString(1), rs.getInt(2), rs.getInt(3) == 1)).list().stream()
                    .collect(Collectors.toMap(LeadRow::externalId, lead -> lead));
        }

        boolean ticketProcessRunning(long ticket) {
            return jdbc.sql("select count(*) from ticket t join act_ru_execution e on e.id_ = t.process_instance_id where t.id = ?")
                    .param(ticket).query(Long.class).single() == 1;
        }

        /** The opportunity's stage, the stage its process is in, and how many stage tasks its process has open. */
        List<String> opportunityStage(long opportunity) {
            return jdbc.sql("""
                            select o.stage,
                                   (select v.text_ from act_ru_variable v where v.proc_inst_id_ = o.process_instance_id
                                        and v.execution_id_ = o.process_instance_id and v.name_ = 'stage') as process_stage,
                                   (select count(*) from act_ru_task t where t.proc_inst_id_ = o.process_instance_id
                                        and t.task_def_key_ = 'Task_AdvanceStage') as stage_tasks
                            from opportunity o where o.id = ?""")
                    .param(opportunity)
                    .query((rs, row) -> List.of(rs.getString(1), String.valueOf(rs.getString(2)), rs.getString(3))).optional()
                    .orElse(List.of());
        }

        String sealHash(long seq) {
            return jdbc.sql("select hash from audit_seal where seq = ?").param(seq).query(String.class).optional().orElse("(no seal " + seq + ")");
        }

        @Override
        public void close() {
            jdbc.sql("shutdown").update();
        }
    }
}
