package io.crmflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The audit log's hash chain: every committed entry is sealed, and an entry changed directly in the database — past the
 * append-only trigger, as a database administrator could — no longer verifies, naming the entry.
 */
class AuditChainTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theChainVerifiesAndAnEntryChangedInTheDatabaseBreaksItThere() throws SQLException {
        as("mia").postForObject("/api/leads", Map.of("name", "钱敏", "company", unique("链审计医院"), "source", "REFERRAL",
                "region", "SOUTH", "industry", "HOSPITAL", "productLine", "DEVICES", "visits30d", 5, "dwellSeconds", 300), JsonNode.class);

        JsonNode verified = verify();
        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(verified.get("pending").asLong()).isZero();
        assertThat(verified.get("sealed").asLong()).isEqualTo(count("audit_log"));
        assertThat(verified.get("headHash").asText()).hasSize(64);

        long victim = jdbc.sql("select min(audit_id) from audit_seal where seq > ?").param(verified.get("sealed").asLong() / 2)
                .query(Long.class).single();
        String original = jdbc.sql("select new_value from audit_log where id = ?").param(victim).query(String.class).optional().orElse(null);
        try {
            rewrite(victim, "篡改 tampered");
            JsonNode broken = verify();
            assertThat(broken.get("valid").asBoolean()).isFalse();
            assertThat(broken.get("brokenAt").get("auditId").asLong()).isEqualTo(victim);
            assertThat(broken.get("brokenAt").get("reason").asText()).contains("changed after sealing");
        } finally {
            rewrite(victim, original);
        }
        assertThat(verify().get("valid").asBoolean()).as("restored").isTrue();
        assertThat(as("mia").getForEntity("/api/audit/verify", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private JsonNode verify() {
        return as("admin").getForObject("/api/audit/verify", JsonNode.class);
    }

    /** What only someone with direct database access can do: lift the append-only trigger, update, put it back. */
    private void rewrite(long auditId, String newValue) throws SQLException {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            statement.execute(postgres ? "alter table audit_log disable trigger audit_log_append_only" : "drop trigger audit_log_append_only");
            try (var update = connection.prepareStatement("update audit_log set new_value = ? where id = ?")) {
                update.setString(1, newValue);
                update.setLong(2, auditId);
                assertThat(update.executeUpdate()).isOne();
            } finally {
                statement.execute(postgres ? "alter table audit_log enable trigger audit_log_append_only"
                        : "create trigger audit_log_append_only before update, delete on audit_log for each row call \"io.crmflow.audit.H2AppendOnlyTrigger\"");
            }
        }
    }
}
