package io.crmflow;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
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

    protected long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
