package io.crmflow.opportunity;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

import javax.sql.DataSource;

import io.crmflow.calendar.BusinessCalendars;
import io.crmflow.persistence.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code opportunity_stage_day}, the stage history counted per day entered, stage, region and owner, in step with
 * {@code opportunity_stage}: the funnel and stage dwell read the counts instead of every row. Each change adds to a
 * count in one atomic statement, so concurrent stage moves of one owner on one day add up instead of overwriting.
 */
@Component
class StageRollup {

    /** PostgreSQL: an insert that adds to the row when it exists, atomically even under concurrent inserts. */
    private static final String POSTGRES_UPSERT = """
            insert into opportunity_stage_day (entered_on, stage, region, owner_id, entered, converted, lost, seconds_total, stays_ended)
            values (:day, :stage, :region, :owner, :entered, :converted, :lost, :seconds, :stays)
            on conflict (entered_on, stage, region, owner_id) do update set
                entered = opportunity_stage_day.entered + excluded.entered,
                converted = opportunity_stage_day.converted + excluded.converted,
                lost = opportunity_stage_day.lost + excluded.lost,
                seconds_total = opportunity_stage_day.seconds_total + excluded.seconds_total,
                stays_ended = opportunity_stage_day.stays_ended + excluded.stays_ended""";

    /** H2, the embedded single-node default: the SQL-standard MERGE. */
    private static final String STANDARD_MERGE = """
            merge into opportunity_stage_day t
            using (values (cast(:day as date), cast(:stage as varchar(30)), cast(:region as varchar(20)), cast(:owner as varchar(64)),
                           cast(:entered as bigint), cast(:converted as bigint), cast(:lost as bigint), cast(:seconds as bigint),
                           cast(:stays as bigint)))
                  as s (entered_on, stage, region, owner_id, entered, converted, lost, seconds_total, stays_ended)
            on t.entered_on = s.entered_on and t.stage = s.stage and t.region = s.region and t.owner_id = s.owner_id
            when matched then update set entered = t.entered + s.entered, converted = t.converted + s.converted, lost = t.lost + s.lost,
                seconds_total = t.seconds_total + s.seconds_total, stays_ended = t.stays_ended + s.stays_ended
            when not matched then insert (entered_on, stage, region, owner_id, entered, converted, lost, seconds_total, stays_ended)
                values (s.entered_on, s.stage, s.region, s.owner_id, s.entered, s.converted, s.lost, s.seconds_total, s.stays_ended)""";

    private final JdbcClient jdbc;
    private final BusinessCalendars calendars;
    private final String upsert;

    StageRollup(JdbcClient jdbc, DataSource dataSource, BusinessCalendars calendars) throws SQLException {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.upsert = SqlDialect.choose(dataSource, POSTGRES_UPSERT, STANDARD_MERGE);
    }

    void entered(OpportunityStage stage, String region, String owner, Instant at) {
        add(stage, region, owner, at, 1, 0, 0, 0, 0);
    }

    /** A stay that began at {@code enteredAt} ended after {@code seconds}, moving on to {@code to}; it counts on the day it began. */
    void left(OpportunityStage stage, String region, String owner, Instant enteredAt, OpportunityStage to, long seconds) {
        boolean lost = to == OpportunityStage.LOST;
        add(stage, region, owner, enteredAt, 0, lost ? 0 : 1, lost ? 1 : 0, seconds, 1);
    }

    /** An open stay handed over with its opportunity (docs/product.md §14): its entry counts for the new owner, as its history row does. */
    void handedOver(OpportunityStage stage, String region, String from, String to, Instant enteredAt) {
        add(stage, region, from, enteredAt, -1, 0, 0, 0, 0);
        add(stage, region, to, enteredAt, 1, 0, 0, 0, 0);
        // A count the hand-over emptied is no row, as the stage history has none for the old owner.
        jdbc.sql("delete from opportunity_stage_day where entered_on = ? and stage = ? and region = ? and owner_id = ? and entered = 0 "
                        + "and stays_ended = 0")
                .params(LocalDate.ofInstant(enteredAt, calendars.current().zone()), stage.name(), region, from).update();
    }

    private void add(OpportunityStage stage, String region, String owner, Instant enteredAt, long entered, long converted, long lost,
                     long seconds, long stays) {
        jdbc.sql(upsert)
                .param("day", LocalDate.ofInstant(enteredAt, calendars.current().zone()))
                .param("stage", stage.name())
                .param("region", region)
                .param("owner", owner)
                .param("entered", entered)
                .param("converted", converted)
                .param("lost", lost)
                .param("seconds", seconds)
                .param("stays", stays)
                .update();
    }
}
