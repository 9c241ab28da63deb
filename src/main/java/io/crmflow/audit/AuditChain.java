package io.crmflow.audit;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.crmflow.process.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals committed audit entries into a SHA-256 hash chain and verifies it. Seal n covers entry n's content and seal
 * n − 1, so an entry changed or deleted in the database, or a seal removed from the middle, no longer verifies.
 */
@Component
public class AuditChain {

    static final String GENESIS = "0".repeat(64);
    /** Entries are sealed by id, looking this far back for ones that committed later than entries with higher ids. */
    private static final int LOOK_BACK = 10_000;
    private static final int BATCH = 1_000;
    private static final String ENTRY_COLUMNS = "a.id, a.occurred_at, a.actor, a.entity, a.entity_id, a.field, a.old_value, a.new_value, a.reason";

    private final JdbcClient jdbc;

    AuditChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What {@code GET /api/audit/verify} answers; {@code headHash} can be kept elsewhere to notice a cut-off tail later. */
    public record Verification(boolean valid, long sealed, long pending, long headSeq, String headHash, Break brokenAt) {
    }

    /** The first seal that does not verify, and why. */
    public record Break(long seq, Long auditId, String reason) {
    }

    private record Seal(long seq, String hash) {
    }

    /** Seals what has been committed and not sealed yet, oldest first; returns how many. */
    @Transactional
    public int sealPending() {
        int total = 0;
        int sealed;
        do {
            sealed = sealBatch();
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }

    private int sealBatch() {
        Optional<Seal> head = jdbc.sql("select seq, hash from audit_seal order by seq desc limit 1")
                .query((rs, n) -> new Seal(rs.getLong("seq"), rs.getString("hash"))).optional();
        long floor = jdbc.sql("select coalesce(max(audit_id), 0) from audit_seal").query(Long.class).single() - LOOK_BACK;
        List<String> entries = jdbc.sql("select " + ENTRY_COLUMNS + " from audit_log a where a.id > :floor"
                        + " and not exists (select 1 from audit_seal s where s.audit_id = a.id) order by a.id limit :batch")
                .param("floor", floor).param("batch", BATCH).query(AuditChain::canonical).list();
        long seq = head.map(Seal::seq).orElse(0L);
        String previous = head.map(Seal::hash).orElse(GENESIS);
        Instant now = EngineClock.now();
        for (String entry : entries) {
            seq++;
            previous = link(previous, seq, entry);
            jdbc.sql("insert into audit_seal (seq, audit_id, hash, sealed_at) values (?, ?, ?, ?)")
                    .params(seq, Long.parseLong(entry.substring(0, entry.indexOf('|'))), previous, timestamp(now)).update();
        }
        return entries.size();
    }

    /** Recomputes the whole chain from the first seal. */
    @Transactional(readOnly = true)
    public Verification check() {
        String previous = GENESIS;
        long expected = 1;
        long afterSeq = 0;
        while (true) {
            record Row(long seq, Long auditId, String hash, String entry) {
            }
            List<Row> rows = jdbc.sql("select s.seq, s.audit_id, s.hash, " + ENTRY_COLUMNS + " from audit_seal s left join audit_log a on a.id = s.audit_id"
                            + " where s.seq > :after order by s.seq limit :batch")
                    .param("after", afterSeq).param("batch", BATCH)
                    .query((rs, n) -> new Row(rs.getLong("seq"), rs.getLong("audit_id"), rs.getString("hash"),
                            rs.getObject("id") == null ? null : canonical(rs, n)))
                    .list();
            for (Row row : rows) {
                if (row.seq() != expected) {
                    return broken(row.seq(), row.auditId(), "seal " + expected + " is missing");
                }
                if (row.entry() == null) {
                    return broken(row.seq(), row.auditId(), "the sealed audit entry " + row.auditId() + " is gone");
                }
                String computed = link(previous, row.seq(), row.entry());
                if (!computed.equals(row.hash())) {
                    return broken(row.seq(), row.auditId(), "audit entry " + row.auditId() + " or its seal was changed after sealing");
                }
                previous = computed;
                expected++;
                afterSeq = row.seq();
            }
            if (rows.size() < BATCH) {
                return new Verification(true, afterSeq, pending(), afterSeq, previous, null);
            }
        }
    }

    private Verification broken(long seq, Long auditId, String reason) {
        long sealed = jdbc.sql("select count(*) from audit_seal").query(Long.class).single();
        return new Verification(false, sealed, pending(), seq, null, new Break(seq, auditId, reason));
    }

    private long pending() {
        return jdbc.sql("select count(*) from audit_log a where not exists (select 1 from audit_seal s where s.audit_id = a.id)")
                .query(Long.class).single();
    }

    /** Every field with its length before it, so that no two different entries read the same. */
    private static String canonical(ResultSet rs, int row) throws SQLException {
        StringBuilder text = new StringBuilder().append(rs.getLong("id")).append('|').append(instant(rs, "occurred_at").toEpochMilli());
        for (String column : List.of("actor", "entity", "entity_id", "field", "old_value", "new_value")) {
            String value = rs.getString(column);
            text.append('|').append(value == null ? "-" : value.length() + ":" + value);
        }
        // Added later (V42): only entries that have one include it, so the seals made before still verify.
        String reason = rs.getString("reason");
        if (reason != null) {
            text.append("|reason ").append(reason.length()).append(':').append(reason);
        }
        return text.toString();
    }

    private static String link(String previous, long seq, String entry) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((previous + "|" + seq + "|" + entry).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
