package io.crmflow.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * History level {@code crmflow} (application.yaml {@code camunda.bpm.history-level}): everything of level {@code full}
 * except the rows of {@code ACT_HI_DETAIL}, i.e. every intermediate write of every process variable and form property
 * (about 17 per lead at its start alone, BENCHMARKS.md). Nothing of crmflow, Cockpit CE or Tasklist reads them: the
 * code reads a variable's last value ({@code ACT_HI_VARINST}, kept: rep handover, masking of stored contact details),
 * Cockpit and Tasklist show process, activity and task instances, incidents and the user operation log (kept), and the
 * job log (kept) is the cluster tests' exactly-once evidence and the timer benchmark's lateness. Level {@code audit}
 * would drop the job log, incidents and the operation log as well.
 *
 * <p>Both levels write the same tables, only fewer rows, so a database may switch between them in either direction at
 * any start: the level the database records (which the engine otherwise refuses to start against, "historyLevel
 * mismatch") follows the configuration here, before the engine checks it. With several nodes, configure them alike.
 */
@Component
class CrmflowHistoryLevel extends AbstractProcessEnginePlugin {

    static final HistoryLevel LEVEL = new AbstractHistoryLevel() {

        private static final Set<HistoryEventType> DROPPED = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
                HistoryEventTypes.FORM_PROPERTY_UPDATE);

        @Override
        public int getId() {
            // Camunda's own levels are 0-3; any other number names this one in ACT_GE_PROPERTY.
            return 25;
        }

        @Override
        public String getName() {
            return "crmflow";
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return !DROPPED.contains(eventType);
        }
    };

    private static final Logger LOG = LoggerFactory.getLogger(CrmflowHistoryLevel.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            levels.addAll(configuration.getCustomHistoryLevels());
        }
        levels.add(LEVEL);
        configuration.setCustomHistoryLevels(levels);
    }

    /** After init (the configured level is resolved), before the engine is built (which compares it with the database's). */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        HistoryLevel configured = configuration.getHistoryLevel();
        if (configured == null) {
            return; // "auto": the engine takes the database's level
        }
        JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
        String stored;
        try {
            stored = jdbc.queryForObject("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'", String.class);
        } catch (DataAccessException newDatabase) {
            return; // no table or no row yet: the engine records the configured level itself
        }
        if (!Integer.toString(configured.getId()).equals(stored)) {
            jdbc.update("update ACT_GE_PROPERTY set VALUE_ = ? where NAME_ = 'historyLevel'", Integer.toString(configured.getId()));
            LOG.info("Camunda history level of the database changed from {} to {} ({}), as configured by camunda.bpm.history-level",
                    stored, configured.getId(), configured.getName());
        }
    }
}
