package io.crmflow.opportunity;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;

import io.crmflow.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OpportunityRepository {

    private static final String COLUMNS = "id, lead_id, name, company, customer_id, owner_id, region, product_line, stage, win_probability, amount, "
            + "expected_close_date, contact_person, first_meeting_note, requirement_summary, budget, decision_maker, loss_reason, "
            + "loss_note, stage_entered_at, last_activity_at, idle_periods, idle_flagged, process_instance_id, created_at, updated_at";

    /** What people see and decide on: stage, probability, loss reason and the recorded details. */
    private static final Map<String, Function<Opportunity, ?>> AUDITED = new LinkedHashMap<>();

    static {
        AUDITED.put("stage", Opportunity::stage);
        AUDITED.put("winProbability", Opportunity::winProbability);
        AUDITED.put("lossReason", Opportunity::lossReason);
        AUDITED.put("amount", Opportunity::amount);
        AUDITED.put("expectedCloseDate", Opportunity::expectedCloseDate);
        AUDITED.put("contactPerson", Opportunity::contactPerson);
        AUDITED.put("firstMeetingNote", Opportunity::firstMeetingNote);
        AUDITED.put("requirementSummary", Opportunity::requirementSummary);
        AUDITED.put("budget", Opportunity::budget);
        AUDITED.put("decisionMaker", Opportunity::decisionMaker);
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final StageRollup rollup;

    OpportunityRepository(JdbcClient jdbc, AuditTrail audit, StageRollup rollup) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.rollup = rollup;
    }

    long insert(Long leadId, String name, String company, String owner, String region, String productLine, NewOpportunity details,
                StagePolicy first, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into opportunity (lead_id, name, company, owner_id, region, product_line, stage, win_probability, amount,
                                                 expected_close_date, stage_entered_at, last_activity_at, created_at, updated_at)
                        values (:leadId, :name, :company, :owner, :region, :productLine, :stage, :probability, :amount,
                                :closeDate, :now, :now, :now, :now)
                        """)
                .param("leadId", leadId)
                .param("name", name)
                .param("company", company)
                .param("owner", owner)
                .param("region", region)
                .param("productLine", productLine)
                .param("stage", first.stage().name())
                .param("probability", first.winProbability())
                .param("amount", details == null ? null : details.amount())
                .param("closeDate", details == null || details.expectedCloseDate() == null ? null : Date.valueOf(details.expectedCloseDate()))
                .param("now", timestamp(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        insertStageEntry(id, region, owner, first.stage(), now);
        return id;
    }

    Long idOfExternal(String externalId) {
        return jdbc.sql("select id from opportunity where external_id = ?").param(externalId).query(Long.class).optional().orElse(null);
    }

    /** An opportunity from another CRM with its stage history: each stage left when the next was entered, or when it closed. */
    long insertImported(OpportunityHistoryImport.Imported row, int winProbability, Instant now) {
        OpportunityStage current = row.current();
        Instant currentSince = current.isClosed() ? row.closedAt() : row.entered().get(current);
        Instant lastActivity = row.closedAt() != null ? row.closedAt() : currentSince;
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into opportunity (external_id, name, company, owner_id, region, product_line, stage, win_probability, amount,
                                                 expected_close_date, loss_reason, stage_entered_at, last_activity_at, closed_at, created_at,
                                                 updated_at)
                        values (:externalId, :name, :company, :owner, :region, :productLine, :stage, :probability, :amount,
                                :closeDate, :lossReason, :stageEnteredAt, :lastActivity, :closedAt, :createdAt, :now)
                        """)
                .param("externalId", row.externalId())
                .param("name", row.name())
                .param("company", row.company())
                .param("owner", row.owner())
                .param("region", row.region().name())
                .param("productLine", row.productLine())
                .param("stage", current.name())
                .param("probability", winProbability)
                .param("amount", row.amount())
                .param("closeDate", row.expectedCloseDate() == null ? null : Date.valueOf(row.expectedCloseDate()))
                .param("lossReason", row.lossReason() == null ? null : row.lossReason().name())
                .param("stageEnteredAt", timestamp(currentSince))
                .param("lastActivity", timestamp(lastActivity))
                .param("closedAt", timestamp(row.closedAt()))
                .param("createdAt", timestamp(row.entered().get(OpportunityStage.INITIAL_CONTACT)))
                .param("now", timestamp(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        List<Map.Entry<OpportunityStage, Instant>> stages = new ArrayList<>(row.entered().entrySet());
        if (row.outcome() == OpportunityStage.WON) {
            stages.add(Map.entry(OpportunityStage.WON, row.closedAt()));
        }
        for (int i = 0; i < stages.size(); i++) {
            Instant entered = stages.get(i).getValue();
            boolean last = i == stages.size() - 1;
            OpportunityStage exitedTo = !last ? stages.get(i + 1).getKey() : row.outcome() == OpportunityStage.LOST ? OpportunityStage.LOST : null;
            Instant left = !last ? stages.get(i + 1).getValue() : exitedTo == null ? null : row.closedAt();
            jdbc.sql("insert into opportunity_stage (opportunity_id, region, owner_id, stage, entered_at, left_at, exited_to, seconds_in_stage) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, row.region().name(), row.owner(), stages.get(i).getKey().name(), timestamp(entered), timestamp(left),
                            exitedTo == null ? null : exitedTo.name(), left == null ? null : Duration.between(entered, left).toSeconds())
                    .update();
            rollup.entered(stages.get(i).getKey(), row.region().name(), row.owner(), entered);
            if (exitedTo != null) {
                rollup.left(stages.get(i).getKey(), row.region().name(), row.owner(), entered, exitedTo, Duration.between(entered, left).toSeconds());
            }
        }
        return id;
    }

    private void insertStageEntry(long id, String region, String owner, OpportunityStage stage, Instant enteredAt) {
        jdbc.sql("insert into opportunity_stage (opportunity_id, region, owner_id, stage, entered_at) values (?, ?, ?, ?, ?)")
                .params(id, region, owner, stage.name(), timestamp(enteredAt)).update();
        rollup.entered(stage, region, owner, enteredAt);
    }

    /** The current stage's history row ends: left at {@code now} for {@code to}. */
    private void leaveStage(Opportunity before, OpportunityStage to, Instant now) {
        long seconds = Duration.between(before.stageEnteredAt(), now).toSeconds();
        jdbc.sql("update opportunity_stage set left_at = ?, exited_to = ?, seconds_in_stage = ? where opportunity_id = ? and left_at is null")
                .params(timestamp(now), to.name(), seconds, before.id()).update();
        rollup.left(before.stage(), before.region(), before.ownerId(), before.stageEnteredAt(), to, seconds);
    }

    Optional<Opportunity> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from opportunity where id = ?").param(id).query(OpportunityRepository::map).optional();
    }

    Optional<Opportunity> findByLeadId(long leadId) {
        return jdbc.sql("select " + COLUMNS + " from opportunity where lead_id = ?").param(leadId).query(OpportunityRepository::map).optional();
    }

    List<Opportunity> findByCompany(String company) {
        return jdbc.sql("select " + COLUMNS + " from opportunity where company = ? order by id desc fetch first 20 rows only").param(company)
                .query(OpportunityRepository::map).list();
    }

    /** Own opportunities, those of the regions one manages, or all for an administrator; newest first. */
    List<Opportunity> findVisible(String userId, boolean admin, Collection<String> managedRegions, OpportunityStage stage,
                                  Boolean idleFlagged, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from opportunity where 1 = 1");
        if (!admin) {
            sql.append(managedRegions.isEmpty() ? " and owner_id = :user" : " and (owner_id = :user or region in (:regions))");
        }
        if (stage != null) {
            sql.append(" and stage = :stage");
        }
        if (idleFlagged != null) {
            sql.append(" and idle_flagged = :idle");
        }
        sql.append(" order by id desc offset :offset rows fetch next :limit rows only");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("offset", offset).param("limit", limit);
        if (!admin) {
            statement = statement.param("user", userId);
            if (!managedRegions.isEmpty()) {
                statement = statement.param("regions", managedRegions);
            }
        }
        if (stage != null) {
            statement = statement.param("stage", stage.name());
        }
        if (idleFlagged != null) {
            statement = statement.param("idle", idleFlagged);
        }
        return statement.query(OpportunityRepository::map).list();
    }

    /** Stores the given details (null = unchanged) and marks the opportunity active: it is not idle any more. */
    void recordDetails(long id, OpportunityDetails details, Instant now, String actor) {
        Opportunity before = findById(id).orElseThrow(() -> new OpportunityNotFoundException(id));
        jdbc.sql("""
                        update opportunity set amount = coalesce(:amount, amount), expected_close_date = coalesce(:closeDate, expected_close_date),
                               contact_person = coalesce(:contactPerson, contact_person),
                               first_meeting_note = coalesce(:firstMeetingNote, first_meeting_note),
                               requirement_summary = coalesce(:requirementSummary, requirement_summary),
                               budget = coalesce(:budget, budget), decision_maker = coalesce(:decisionMaker, decision_maker),
                               last_activity_at = :now, idle_periods = 0, idle_flagged = false, updated_at = :now
                        where id = :id
                        """)
                .param("amount", details.amount())
                .param("closeDate", details.expectedCloseDate() == null ? null : Date.valueOf(details.expectedCloseDate()))
                .param("contactPerson", blankToNull(details.contactPerson()))
                .param("firstMeetingNote", blankToNull(details.firstMeetingNote()))
                .param("requirementSummary", blankToNull(details.requirementSummary()))
                .param("budget", details.budget())
                .param("decisionMaker", blankToNull(details.decisionMaker()))
                .param("now", timestamp(now))
                .param("id", id)
                .update();
        auditChanges(before, actor);
    }

    void enterStage(long id, StagePolicy policy, LossReason lossReason, String lossNote, Instant now, String actor) {
        Opportunity before = findById(id).orElseThrow(() -> new OpportunityNotFoundException(id));
        leaveStage(before, policy.stage(), now);
        if (policy.stage() != OpportunityStage.LOST) {
            insertStageEntry(id, before.region(), before.ownerId(), policy.stage(), now);
        }
        jdbc.sql("""
                        update opportunity set stage = :stage, win_probability = :probability, loss_reason = :lossReason, loss_note = :lossNote,
                               stage_entered_at = :now, last_activity_at = :now, idle_periods = 0, idle_flagged = false, updated_at = :now,
                               closed_at = :closedAt
                        where id = :id
                        """)
                .param("stage", policy.stage().name())
                .param("probability", policy.winProbability())
                .param("lossReason", lossReason == null ? null : lossReason.name())
                .param("lossNote", lossNote)
                .param("now", timestamp(now))
                .param("closedAt", policy.stage().isClosed() ? timestamp(now) : null)
                .param("id", id)
                .update();
        auditChanges(before, actor);
    }

    /** The amount set by an approval elsewhere ({@link OpportunityAmounts}); not activity of the owner's. */
    void changeAmount(long id, BigDecimal amount, Instant now, String actor) {
        Opportunity before = findById(id).orElseThrow(() -> new OpportunityNotFoundException(id));
        jdbc.sql("update opportunity set amount = ?, updated_at = ? where id = ?").params(amount, timestamp(now), id).update();
        auditChanges(before, actor);
    }

    private void auditChanges(Opportunity before, String actor) {
        audit.recordChanges(actor, "opportunity", before.id(), before, findById(before.id()).orElseThrow(), AUDITED);
    }

    void recordIdlePeriod(long id, int idlePeriods, boolean flagged, Instant now) {
        jdbc.sql("update opportunity set idle_periods = ?, idle_flagged = ?, updated_at = ? where id = ?")
                .params(idlePeriods, flagged, timestamp(now), id).update();
    }

    void attachProcess(long id, String processInstanceId) {
        jdbc.sql("update opportunity set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    void recordEvent(long id, String type, String detail, String actor, Instant at) {
        jdbc.sql("insert into opportunity_event (opportunity_id, type, detail, actor, occurred_at) values (?, ?, ?, ?, ?)")
                .params(id, type, detail, actor, timestamp(at)).update();
    }

    List<OpportunityEvent> events(long id) {
        return jdbc.sql("select id, type, detail, actor, occurred_at from opportunity_event where opportunity_id = ? order by id")
                .param(id)
                .query((rs, row) -> new OpportunityEvent(rs.getLong("id"), rs.getString("type"), rs.getString("detail"),
                        rs.getString("actor"), instant(rs, "occurred_at")))
                .list();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static Opportunity map(ResultSet rs, int row) throws SQLException {
        long leadId = rs.getLong("lead_id");
        Long lead = rs.wasNull() ? null : leadId;
        Date closeDate = rs.getDate("expected_close_date");
        String lossReason = rs.getString("loss_reason");
        long customerId = rs.getLong("customer_id");
        Long customer = rs.wasNull() ? null : customerId;
        return new Opportunity(rs.getLong("id"), lead, rs.getString("name"), rs.getString("company"), customer, rs.getString("owner_id"),
                rs.getString("region"), rs.getString("product_line"), OpportunityStage.valueOf(rs.getString("stage")),
                rs.getInt("win_probability"), rs.getBigDecimal("amount"), closeDate == null ? null : closeDate.toLocalDate(),
                rs.getString("contact_person"), rs.getString("first_meeting_note"), rs.getString("requirement_summary"),
                rs.getBigDecimal("budget"), rs.getString("decision_maker"), lossReason == null ? null : LossReason.valueOf(lossReason),
                rs.getString("loss_note"), instant(rs, "stage_entered_at"), instant(rs, "last_activity_at"), rs.getInt("idle_periods"),
                rs.getBoolean("idle_flagged"), rs.getString("process_instance_id"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
