package io.crmflow.lead;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmflow.rules.MatchedRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Append-only records of a lead: its decisions and its timeline. Nothing here is ever updated or deleted. */
@Repository
class LeadHistory {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<MatchedRule>> RULES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    LeadHistory(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void recordDecision(long leadId, String kind, Map<String, Object> inputs, Map<String, Object> outputs,
                        List<MatchedRule> matchedRules, String ruleSetVersion, Instant at) {
        jdbc.sql("insert into lead_decision (lead_id, kind, inputs, outputs, matched_rules, rule_set_version, decided_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(leadId, kind, write(inputs), write(outputs), write(matchedRules), ruleSetVersion, timestamp(at))
                .update();
    }

    void recordEvent(long leadId, String type, String detail, String actor, Instant at) {
        jdbc.sql("insert into lead_event (lead_id, type, detail, actor, occurred_at) values (?, ?, ?, ?, ?)")
                .params(leadId, type, detail, actor, timestamp(at))
                .update();
    }

    List<LeadDecision> decisions(long leadId) {
        return jdbc.sql("select * from lead_decision where lead_id = ? order by id").param(leadId)
                .query((rs, row) -> new LeadDecision(rs.getLong("id"), leadId, rs.getString("kind"),
                        read(rs.getString("inputs"), MAP), read(rs.getString("outputs"), MAP),
                        read(rs.getString("matched_rules"), RULES), rs.getString("rule_set_version"), instant(rs, "decided_at")))
                .list();
    }

    List<LeadEvent> events(long leadId) {
        return jdbc.sql("select * from lead_event where lead_id = ? order by id").param(leadId)
                .query((rs, row) -> new LeadEvent(rs.getLong("id"), leadId, rs.getString("type"), rs.getString("detail"),
                        rs.getString("actor"), instant(rs, "occurred_at")))
                .list();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Decision data must be serialisable", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored decision data is not valid JSON", e);
        }
    }
}
