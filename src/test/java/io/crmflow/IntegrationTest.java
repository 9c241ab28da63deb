package io.crmflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Base of the tests that need the whole application: real engine, real rules, real HTTP. All subclasses share one
 * Spring context (same configuration), so the application starts once per test run. Data is not reset between
 * tests: each test makes its own unique records. The suite runs on H2 and again on PostgreSQL ({@link TestDatabase}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
@ContextConfiguration(initializers = TestDatabase.class)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected JdbcClient jdbc;

    protected TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user);
    }

    private static final AtomicLong PHONE_SEQUENCE = new AtomicLong(System.nanoTime() % 50_000_000L);

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A mainland mobile number no other test uses, so phone dedup never links unrelated test leads. */
    protected static String uniquePhone() {
        return String.format("+86 139 %08d", PHONE_SEQUENCE.incrementAndGet());
    }

    /**
     * A new lead of {@code source} from EAST hospitals for devices, as mia, with 6 visits (20 points) and 320 s of dwell
     * (20 points), so that its score shows what the active rules give the source.
     */
    protected long submitScoredLead(String source) {
        Map<String, Object> lead = Map.of("name", "李娜", "company", unique("规则测试"), "email", unique("rules") + "@example.cn",
                "phone", uniquePhone(), "source", source, "region", "EAST", "industry", "HOSPITAL", "productLine", "DEVICES",
                "visits30d", 6, "dwellSeconds", 320);
        ResponseEntity<JsonNode> created = as("mia").postForEntity("/api/leads", lead, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("id").asLong();
    }

    protected int leadScore(long lead) {
        return as("mia").getForObject("/api/leads/" + lead, JsonNode.class).get("score").asInt();
    }

    protected long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
