package io.crmflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The rules lifecycle API (docs/product.md §6) with the real engine. Every test leaves the version it found active: tests of
 * other features share this application and its rules.
 */
class RulesApiTest extends IntegrationTest {

    private static final String REFERRAL_POINTS = "<outputEntry id=\"SourcePoints_Row1_Out\"><text>40</text></outputEntry>";

    @Autowired
    ActiveRuleSet activeRuleSet;

    @Autowired
    RuleSetVersions versions;

    @Autowired
    RuleSetFollower follower;

    @Autowired
    RuleSetCompiler compiler;

    @Autowired
    MeterRegistry meters;

    private JsonNode original;

    @BeforeEach
    void rememberTheActiveVersion() {
        original = as("rui").getForObject("/api/rules", JsonNode.class).get("active");
    }

    /** Each test restores the version itself; this only keeps a failed test from changing the rules of later tests. */
    @AfterEach
    void restoreTheActiveVersion() {
        if (!as("rui").getForObject("/api/rules", JsonNode.class).get("active").get("id").equals(original.get("id"))) {
            post("rui", "/api/rules/candidates/" + original.get("id").asText() + "/activate");
        }
    }

    @Test
    void candidateIsReplayedActivatedAndRolledBack() {
        long referral = submitScoredLead("REFERRAL");
        long tradeShow = submitScoredLead("TRADE_SHOW");
        assertThat(leadScore(referral)).isEqualTo(80);

        ResponseEntity<JsonNode> uploaded = upload("rui", activeScoreTable(REFERRAL_POINTS, "<outputEntry id=\"SourcePoints_Row1_Out\"><text>10</text></outputEntry>"));

        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode candidate = uploaded.getBody();
        long id = candidate.get("id").asLong();
        assertThat(uploaded.getHeaders().getLocation()).hasPath("/api/rules/candidates/" + id);
        assertThat(candidate.get("status").asText()).isEqualTo("CANDIDATE");
        assertThat(candidate.get("version").asText()).hasSize(12).isNotEqualTo(original.get("version").asText());
        assertThat(candidate.get("basedOn").asLong()).isEqualTo(original.get("id").asLong());
        assertThat(texts(candidate.get("files"))).containsExactlyInAnyOrderElementsOf(texts(original.get("files")));

        JsonNode replay = post("rui", "/api/rules/candidates/" + id + "/replay?last=1000").getBody();
        JsonNode leads = report(replay, "lead");
        assertThat(leads.get("differences")).anySatisfy(difference -> {
            assertThat(difference.get("record").asText()).isEqualTo(String.valueOf(referral));
            assertThat(difference.get("field").asText()).isEqualTo("grade");
            assertThat(difference.get("oldValue").asText()).isEqualTo("A");
            assertThat(difference.get("newValue").asText()).isEqualTo("C");
        });
        assertThat(leads.get("differences")).anySatisfy(difference -> {
            assertThat(difference.get("record").asText()).isEqualTo(String.valueOf(referral));
            assertThat(difference.get("field").asText()).isEqualTo("score");
            assertThat(difference.get("oldValue").asInt()).isEqualTo(80);
            assertThat(difference.get("newValue").asInt()).isEqualTo(50);
        });
        assertThat(leads.get("differences").findValuesAsText("record")).doesNotContain(String.valueOf(tradeShow));
        assertThat(texts(leads.get("summary"))).anySatisfy(line -> assertThat(line).startsWith("grade A share"))
                .anySatisfy(line -> assertThat(line).endsWith("assignments would change owner"));
        assertThat(leads.get("summary").get(0).asText()).doesNotStartWith("0 of");

        assertThat(leads.get("shares")).anySatisfy(share -> {
            assertThat(share.get("field").asText()).isEqualTo("grade");
            assertThat(share.get("value").asText()).isEqualTo("A");
            assertThat(share.get("after").asInt()).as("the referral lead left grade A").isLessThan(share.get("before").asInt());
        });

        ResponseEntity<JsonNode> activated = post("rui", "/api/rules/candidates/" + id + "/activate?note=referrals-overrated");
        assertThat(activated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(activated.getBody().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(activated.getBody().get("activatedBy").asText()).isEqualTo("rui");
        // Every lead here has the same score inputs: each version remembers its own result for them, and a switch of
        // version switches the remembered results with it, in both directions.
        long afterActivation = submitScoredLead("REFERRAL");
        assertThat(leadScore(afterActivation)).isEqualTo(50);
        assertThat(leadScore(submitScoredLead("REFERRAL"))).isEqualTo(50);
        assertThat(decisions(afterActivation).get(0).get("ruleSetVersion").asText()).isEqualTo(candidate.get("version").asText());
        assertThat(post("rui", "/api/rules/candidates/" + id + "/activate").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode overview = as("admin").getForObject("/api/rules", JsonNode.class);
        assertThat(overview.get("active").get("id").asLong()).isEqualTo(id);
        assertThat(overview.get("versions").findValuesAsText("id")).contains(original.get("id").asText());

        ResponseEntity<JsonNode> rolledBack = post("rui", "/api/rules/rollback");
        assertThat(rolledBack.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rolledBack.getBody().get("id")).isEqualTo(original.get("id"));
        long afterRollback = submitScoredLead("REFERRAL");
        assertThat(leadScore(afterRollback)).isEqualTo(80);
        assertThat(leadScore(submitScoredLead("REFERRAL"))).isEqualTo(80);
        assertThat(decisions(afterRollback).get(0).get("ruleSetVersion").asText()).isEqualTo(original.get("version").asText());
        // The shipped version was the first one deployed: rollbacks go back along activations, never in a circle.
        ResponseEntity<JsonNode> nothingBefore = post("rui", "/api/rules/rollback");
        assertThat(nothingBefore.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(nothingBefore.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        List<JsonNode> trail = new ArrayList<>();
        as("rui").getForObject("/api/rules/audit", JsonNode.class).forEach(trail::add);
        assertThat(trail).filteredOn(entry -> entry.get("toVersion").asLong() == id)
                .extracting(entry -> entry.get("action").asText() + " by " + entry.get("actor").asText() + ": " + entry.get("summary").asText())
                .contains("UPLOAD by rui: lead-score.dmn changed", "ACTIVATE by rui: lead-score.dmn changed");
        assertThat(trail).filteredOn(entry -> entry.get("toVersion").asLong() == id && entry.get("action").asText().equals("ACTIVATE"))
                .extracting(entry -> entry.get("note").asText()).containsExactly("referrals-overrated");
        assertThat(trail).anySatisfy(entry -> {
            assertThat(entry.get("action").asText()).isEqualTo("ROLLBACK");
            assertThat(entry.get("fromVersion").asLong()).isEqualTo(id);
            assertThat(entry.get("toVersion")).isEqualTo(original.get("id"));
            assertThat(entry.get("toHash")).isEqualTo(original.get("version"));
        });
    }

    /** On a cluster, another node activates a version: this node serves it at its next look at the database. */
    @Test
    void aVersionActivatedOnAnotherNodeIsServedHereToo() {
        JsonNode candidate = upload("rui", activeScoreTable(REFERRAL_POINTS, "<outputEntry id=\"SourcePoints_Row1_Out\"><text>20</text></outputEntry>")).getBody();
        // What the other node's activation leaves in the shared database; this node has not been told.
        versions.activate(candidate.get("id").asLong(), "rui", Instant.now());
        assertThat(activeRuleSet.current().version()).isEqualTo(original.get("version").asText());

        follower.follow();

        assertThat(activeRuleSet.current().version()).isEqualTo(candidate.get("version").asText());
        long lead = submitScoredLead("REFERRAL");
        assertThat(leadScore(lead)).isEqualTo(60);
        assertThat(decisions(lead).get(0).get("ruleSetVersion").asText()).isEqualTo(candidate.get("version").asText());
        follower.follow();
        assertThat(activeRuleSet.current().version()).as("nothing to follow twice").isEqualTo(candidate.get("version").asText());

        // Back the same way (an API activation here would add to the audit trail that rollbacks walk).
        versions.activate(original.get("id").asLong(), "rui", Instant.now());
        follower.follow();
        assertThat(leadScore(submitScoredLead("REFERRAL"))).isEqualTo(80);
    }

    @Test
    void brokenDrlIsRefusedWithFileAndLineAndNothingIsStored() {
        RuleFile broken = new RuleFile("lead-assignment.drl", """
                package crmflow.leadassignment;

                rule "no end"
                when
                    String( length > )
                then
                """.getBytes(StandardCharsets.UTF_8));

        long versions = count("rule_set_version");
        long auditEntries = count("rule_set_audit");

        ResponseEntity<JsonNode> refused = upload("rui", broken);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = refused.getBody();
        assertThat(problem.get("detail").asText()).contains("lead-assignment.drl");
        assertThat(problem.get("problems")).anySatisfy(entry -> {
            assertThat(entry.get("file").asText()).isEqualTo("lead-assignment.drl");
            assertThat(entry.get("line").asInt()).isPositive();
            assertThat(entry.get("message").asText()).isNotBlank();
        });
        assertThat(count("rule_set_version")).as("nothing stored").isEqualTo(versions);
        assertThat(count("rule_set_audit")).isEqualTo(auditEntries);
    }

    @Test
    void brokenDmnIsRefusedNamingTheFile() {
        ResponseEntity<JsonNode> refused = upload("admin", activeScoreTable("min([100, sourcePoints + visitPoints + dwellPoints])", "min([100, sourcePoints + + ])"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("problems")).isNotEmpty().allSatisfy(entry -> assertThat(entry.get("file").asText()).isEqualTo("lead-score.dmn"));
    }

    @Test
    void aCandidateWhoseTableCannotDecideIsRefusedAtUploadWithDecisionRowAndInput() {
        long versionsBefore = count("rule_set_version");

        ResponseEntity<JsonNode> refused = upload("rui", activeScoreTable(REFERRAL_POINTS,
                "<outputEntry id=\"SourcePoints_Row1_Out\"><text>\"forty\"</text></outputEntry>"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("problems")).anySatisfy(entry -> {
            assertThat(entry.get("file").asText()).isEqualTo("lead-score.dmn");
            assertThat(entry.get("line").asInt()).isEqualTo(28);
            assertThat(entry.get("message").asText()).contains("sourcePoints", "row 1", "\"forty\"", "source = \"REFERRAL\"");
        });
        assertThat(count("rule_set_version")).as("nothing stored").isEqualTo(versionsBefore);
    }

    @Test
    void aFeelSyntaxErrorIsRefusedAtItsLine() {
        ResponseEntity<JsonNode> refused = upload("rui", activeScoreTable(REFERRAL_POINTS,
                "<outputEntry id=\"SourcePoints_Row1_Out\"><text>40 +* (</text></outputEntry>"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("problems")).singleElement().satisfies(entry -> {
            assertThat(entry.get("line").asInt()).isEqualTo(28);
            assertThat(entry.get("message").asText()).contains("40 +* (", "FEEL syntax error");
        });
    }

    /** A version stored before these checks existed (or written behind the API) is checked again when it is activated. */
    @Test
    void activationRefusesAVersionThatCannotDecide() {
        RuleFile forty = activeScoreTable(REFERRAL_POINTS, "<outputEntry id=\"SourcePoints_Row1_Out\"><text>\"vierzig\"</text></outputEntry>");
        List<RuleFile> files = new ArrayList<>(activeRuleSet.current().files());
        files.removeIf(file -> file.name().equals(forty.name()));
        files.add(forty);
        long stored = versions.insert(RuleSetCompiler.versionOf(files), RuleSetVersion.Status.CANDIDATE, original.get("id").asLong(), files,
                "rui", Instant.now());

        ResponseEntity<JsonNode> refused = post("rui", "/api/rules/candidates/" + stored + "/activate");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("problems")).anySatisfy(entry -> assertThat(entry.get("message").asText()).contains("\"vierzig\""));
        assertThat(activeRuleSet.current().version()).isEqualTo(original.get("version").asText());
        assertThat(as("rui").getForObject("/api/rules", JsonNode.class).get("active").get("id")).isEqualTo(original.get("id"));
    }

    /**
     * A decision the active version cannot make at run time (validation missed it) is made with the version served
     * before, recorded as such; the rules owners are alerted once, and counted on every failure. With no version that
     * can decide, the request is refused with a 503 naming version and decision, and nothing is saved.
     */
    @Test
    void aDecisionTheActiveVersionFailsFallsBackToThePreviousVersionOrIsRefusedWith503() {
        RuleSet working = activeRuleSet.current();
        RuleFile forty = activeScoreTable(REFERRAL_POINTS, "<outputEntry id=\"SourcePoints_Row1_Out\"><text>\"forty\"</text></outputEntry>");
        List<RuleFile> files = new ArrayList<>(working.files());
        files.removeIf(file -> file.name().equals(forty.name()));
        files.add(forty);
        RuleSet broken = compiler.compile(files);
        try {
            activeRuleSet.activate(broken);
            double failuresBefore = failures(broken.version(), "fallback");

            long lead = submitScoredLead("REFERRAL");

            assertThat(leadScore(lead)).isEqualTo(80);
            assertThat(decisions(lead).get(0).get("ruleSetVersion").asText()).isEqualTo(working.version());
            assertThat(failures(broken.version(), "fallback")).isEqualTo(failuresBefore + 1);
            submitScoredLead("REFERRAL");
            assertThat(jdbc.sql("select count(*) from notification_outbox where reference = :reference and recipient = 'rui' and channel = 'IM'")
                    .param("reference", "rules:" + broken.version()).query(Long.class).single()).as("alerted once").isEqualTo(1);

            activeRuleSet.activate(broken); // the fallback is now the broken version too
            long leadsBefore = count("leads");

            ResponseEntity<JsonNode> refused = as("mia").postForEntity("/api/leads", Map.of("name", "李娜", "company", unique("规则故障"),
                    "email", unique("broken") + "@example.cn", "phone", uniquePhone(), "source", "REFERRAL", "region", "EAST",
                    "industry", "HOSPITAL", "productLine", "DEVICES", "visits30d", 6, "dwellSeconds", 320), JsonNode.class);

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody().get("ruleSetVersion").asText()).isEqualTo(broken.version());
            assertThat(refused.getBody().get("decision").asText()).isEqualTo("lead-score");
            assertThat(count("leads")).as("nothing saved").isEqualTo(leadsBefore);
            assertThat(failures(broken.version(), "refused")).isPositive();
            assertThat(submitScoredLead("TRADE_SHOW")).as("other sources still decide with the active version").isPositive();
        } finally {
            activeRuleSet.activate(working);
        }
    }

    private double failures(String version, String outcome) {
        Counter counter = meters.find(DecisionFailureAlerts.METRIC).tags("version", version, "model", "lead-score", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aZipReplacesAndAddsFiles() throws IOException {
        RuleFile table = activeScoreTable("<outputEntry id=\"SourcePoints_Row4_Out\"><text>20</text></outputEntry>",
                "<outputEntry id=\"SourcePoints_Row4_Out\"><text>22</text></outputEntry>");
        RuleFile extra = new RuleFile("vip-flag.drl", """
                package crmflow.vip;

                rule "nothing to flag yet"
                when
                    String( this == "VIP" )
                then
                end
                """.getBytes(StandardCharsets.UTF_8));

        ResponseEntity<JsonNode> uploaded = upload("rui", new RuleFile("rules.zip", zip(table, extra)));

        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(texts(uploaded.getBody().get("files"))).contains("lead-score.dmn", "lead-assignment.drl", "business-calendar.yaml", "vip-flag.drl");
        JsonNode upload = as("rui").getForObject("/api/rules/audit", JsonNode.class).get(0);
        assertThat(upload.get("action").asText()).isEqualTo("UPLOAD");
        assertThat(upload.get("summary").asText()).isEqualTo("lead-score.dmn changed; vip-flag.drl added");
        // The same files again are the same version.
        ResponseEntity<JsonNode> again = upload("rui", new RuleFile("rules.zip", zip(table, extra)));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("id")).isEqualTo(uploaded.getBody().get("id"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../evil.drl", "..\\evil.drl", "/etc/evil.drl", "notes.txt", ".hidden.drl", "rules/lead-score.dmn"})
    void fileNamesThatAreNotPlainRuleFilesAreRefused(String name) throws IOException {
        long versions = count("rule_set_version");
        long audit = count("rule_set_audit");
        RuleFile file = new RuleFile(name, "package evil;".getBytes(StandardCharsets.UTF_8));

        for (ResponseEntity<JsonNode> refused : List.of(upload("rui", file), upload("rui", new RuleFile("evil.zip", zip(file))))) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("files");
        }
        assertThat(count("rule_set_version")).isEqualTo(versions);
        assertThat(count("rule_set_audit")).isEqualTo(audit);
    }

    @Test
    void tooLargeFilesAndEmptyUploadsAreRefused() throws IOException {
        RuleFile large = new RuleFile("large.drl", new byte[RuleUploads.MAX_FILE_BYTES + 1]);

        assertThat(upload("rui", large).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(upload("rui", new RuleFile("large.zip", zip(large))).getBody().get("detail").asText()).contains("large.drl", "larger than");
        assertThat(upload("rui").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(upload("rui", new RuleFile("broken.zip", "not a zip".getBytes(StandardCharsets.UTF_8))).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"alice", "mia", "pat"})
    void onlyRulesOwnersAndAdministratorsMayUseTheRulesApi(String user) {
        String candidate = "/api/rules/candidates/" + original.get("id").asText();
        List<ResponseEntity<JsonNode>> answers = List.of(
                as(user).getForEntity("/api/rules", JsonNode.class),
                as(user).getForEntity("/api/rules/audit", JsonNode.class),
                as(user).getForEntity(candidate, JsonNode.class),
                upload(user, activeScoreTable(REFERRAL_POINTS, REFERRAL_POINTS.replace("40", "41"))),
                post(user, candidate + "/replay"),
                post(user, candidate + "/replay?progress=true"),
                as(user).getForEntity(candidate + "/diff/" + original.get("id").asText(), JsonNode.class),
                as(user).getForEntity("/api/rules/calibration", JsonNode.class),
                post(user, candidate + "/activate"),
                post(user, "/api/rules/rollback"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        });
        assertThat(http.getForEntity("/api/rules", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theDifferenceBetweenTwoVersionsShowsTheChangedCellAndTheReplayTellsItsProgress() {
        submitScoredLead("REFERRAL");
        JsonNode candidate = upload("rui", activeScoreTable(REFERRAL_POINTS, REFERRAL_POINTS.replace("40", "37"))).getBody();
        String from = original.get("id").asText();
        String to = candidate.get("id").asText();

        JsonNode diff = as("rui").getForObject("/api/rules/candidates/" + from + "/diff/" + to, JsonNode.class);
        assertThat(diff.get("from").asText()).isEqualTo(from);
        assertThat(diff.get("toVersion").asText()).isEqualTo(candidate.get("version").asText());
        JsonNode score = null;
        for (JsonNode file : diff.get("files")) {
            assertThat(file.get("change").asText()).isEqualTo(file.get("name").asText().equals("lead-score.dmn") ? "CHANGED" : "UNCHANGED");
            score = file.get("name").asText().equals("lead-score.dmn") ? file : score;
        }
        JsonNode row = score.get("tables").get(0).get("rowsChanged").get(0);
        assertThat(score.get("tables").get(0).get("decision").asText()).isEqualTo("sourcePoints");
        assertThat(row.get("id").asText()).isEqualTo("SourcePoints_Row1");
        assertThat(row.get("cells").get(0).get("column").asText()).isEqualTo("来源得分 Source points");
        assertThat(row.get("cells").get(0).get("before").asText()).isEqualTo("40");
        assertThat(row.get("cells").get(0).get("after").asText()).isEqualTo("37");
        JsonNode backwards = as("rui").getForObject("/api/rules/candidates/" + to + "/diff/" + from, JsonNode.class);
        assertThat(backwards.toString()).contains("\"before\":\"37\",\"after\":\"40\"");

        ResponseEntity<String> streamed = as("rui").exchange("/api/rules/candidates/" + to + "/replay?last=1000&progress=true",
                HttpMethod.POST, null, String.class);
        assertThat(streamed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(streamed.getHeaders().getContentType().toString()).startsWith("application/x-ndjson");
        List<String> lines = streamed.getBody().lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"replay\":{\"candidate\":" + to);
        assertThat(lines.get(lines.size() - 1)).contains("\"kind\":\"lead\"", "\"field\":\"score\"");
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(line -> assertThat(line).matches("\\{\"decided\":\\d+,\"total\":\\d+}|\\{\"total\":\\d+,\"decided\":\\d+}"));
        assertThat(as("rui").exchange("/api/rules/candidates/999999/replay?progress=true", HttpMethod.POST, null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("rui").getForEntity("/api/rules/candidates/" + from + "/diff/999999", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void unknownVersionsAreNotFound() {
        assertThat(post("rui", "/api/rules/candidates/999999/activate").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("rui", "/api/rules/candidates/999999/replay").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("rui", "/api/rules/candidates/" + original.get("id").asText() + "/replay?last=0").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }



    private JsonNode decisions(long lead) {
        return as("mia").getForObject("/api/leads/" + lead + "/decisions", JsonNode.class);
    }

    @Test
    void aCandidatePriorityTableIsReplayedOnRecentTickets() {
        JsonNode customer = null;
        for (JsonNode candidate : as("sam").getForObject("/api/customers?size=500", JsonNode.class).get("items")) {
            if (candidate.get("tier").asText().equals("C")) {
                customer = candidate;
            }
        }
        assertThat(customer).as("a tier C demo customer").isNotNull();
        JsonNode ticket = as("sam").postForObject("/api/tickets", Map.of("customerId", customer.get("id").asLong(), "severity", "LOW",
                "channel", "EMAIL", "subject", unique("打印机卡纸"), "description", "门诊部的标签打印机经常卡纸"), JsonNode.class);
        assertThat(ticket.get("priority").asText()).isEqualTo("P4");
        String shipped = activeRuleSet.current().file("ticket-priority.dmn").orElseThrow().text();
        String lowForBAndCIsP3 = shipped.replace("<outputEntry id=\"TicketPriority_Row7_Out\"><text>\"P4\"</text></outputEntry>",
                "<outputEntry id=\"TicketPriority_Row7_Out\"><text>\"P3\"</text></outputEntry>");
        assertThat(lowForBAndCIsP3).isNotEqualTo(shipped);
        long id = upload("rui", new RuleFile("ticket-priority.dmn", lowForBAndCIsP3.getBytes(StandardCharsets.UTF_8))).getBody().get("id").asLong();

        JsonNode tickets = report(post("rui", "/api/rules/candidates/" + id + "/replay?last=50").getBody(), "ticket");

        assertThat(tickets.get("differences")).anySatisfy(difference -> {
            assertThat(difference.get("record").asText()).isEqualTo(ticket.get("id").asText());
            assertThat(difference.get("field").asText()).isEqualTo("priority");
            assertThat(difference.get("oldValue").asText()).isEqualTo("P4");
            assertThat(difference.get("newValue").asText()).isEqualTo("P3");
        });
        assertThat(tickets.get("differences")).anySatisfy(difference -> {
            assertThat(difference.get("record").asText()).isEqualTo(ticket.get("id").asText());
            assertThat(difference.get("field").asText()).isEqualTo("resolutionTarget");
            assertThat(difference.get("oldValue").asText()).startsWith("PT80H");
            assertThat(difference.get("newValue").asText()).startsWith("PT40H");
        });
        assertThat(tickets.get("summary").get(0).asText()).contains("tickets would change priority").doesNotStartWith("0 of");
        assertThat(as("sam").getForObject("/api/tickets/" + ticket.get("id").asText(), JsonNode.class).get("priority").asText())
                .as("replay changes nothing").isEqualTo("P4");
    }

    private static JsonNode report(JsonNode replay, String kind) {
        for (JsonNode report : replay.get("reports")) {
            if (report.get("kind").asText().equals(kind)) {
                return report;
            }
        }
        throw new AssertionError("no " + kind + " report in " + replay);
    }

    private ResponseEntity<JsonNode> post(String user, String path) {
        return as(user).exchange(path, HttpMethod.POST, null, JsonNode.class);
    }

    private ResponseEntity<JsonNode> upload(String user, RuleFile... files) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        for (RuleFile file : files) {
            body.add("files", new ByteArrayResource(file.content()) {
                @Override
                public String getFilename() {
                    return file.name();
                }
            });
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).postForEntity("/api/rules/candidates", new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** The active {@code lead-score.dmn} with one edit. */
    private RuleFile activeScoreTable(String find, String replacement) {
        String shipped = activeRuleSet.current().file("lead-score.dmn").orElseThrow().text();
        assertThat(shipped).contains(find);
        return new RuleFile("lead-score.dmn", shipped.replace(find, replacement).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] zip(RuleFile... files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (RuleFile file : files) {
                zip.putNextEntry(new ZipEntry(file.name()));
                zip.write(file.content());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
