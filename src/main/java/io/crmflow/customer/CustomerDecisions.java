package io.crmflow.customer;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmflow.rules.DecisionOutcome;
import io.crmflow.rules.MatchedRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored decisions about customers, with their inputs, outputs, matched rows and rule-set version. */
@Repository
class CustomerDecisions {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<MatchedRule>> RULES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CustomerDecisions(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void record(long customerId, String kind, DecisionOutcome outcome, Map<String, Object> outputs, Instant at) {
        jdbc.sql("insert into customer_decision (customer_id, kind, inputs, outputs, matched_rules, rule_set_version, decided_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(customerId, kind, write(outcome.inputs()), write(outputs), write(outcome.matchedRules()), outcome.ruleSetVersion(),
                        timestamp(at))
                .update();
    }

    List<CustomerDecision> of(long customerId) {
        return jdbc.sql("select * from customer_decision where customer_id = ? order by id").param(customerId).query(this::decision).list();
    }

    /** The latest decision of {@code kind} for each of the {@code last} most recently decided customers, newest first. */
    List<CustomerDecision> latest(String kind, int last) {
        return jdbc.sql("""
                        select * from customer_decision d where d.kind = :kind
                          and d.id = (select max(l.id) from customer_decision l where l.customer_id = d.customer_id and l.kind = :kind)
                        order by d.id desc fetch first :last rows only""")
                .param("kind", kind).param("last", last).query(this::decision).list();
    }

    private CustomerDecision decision(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CustomerDecision(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("kind"), read(rs.getString("inputs"), MAP),
                read(rs.getString("outputs"), MAP), read(rs.getString("matched_rules"), RULES), rs.getString("rule_set_version"),
                instant(rs, "decided_at"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Decision data cannot be written as JSON", e);
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
