package io.crmflow.process;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's check that every row it inserts has a usable id, without writing the row out as text first. Camunda
 * builds the message "Entity … has an invalid id" with the entity's {@code toString()} for every insert, before it knows
 * whether the id is missing: for a lead's intake (a dozen engine rows and their history) that was about 5 % of the
 * request's CPU (JFR, bench/engine.sh, issue 25). Here the id is looked at first, and only a missing or reserved id goes
 * to Camunda's own check, which then fails exactly as before.
 */
@Component
class EntityIdCheck extends AbstractProcessEnginePlugin {

    /** After the engine's initialisation, where it has registered its own factory for the same session type. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSessionFactories().put(DbEntityManager.class, new Factory(configuration.getIdGenerator()));
    }

    static final class Factory extends DbEntityManagerFactory {

        Factory(IdGenerator idGenerator) {
            super(idGenerator);
        }

        @Override
        public DbEntityManager openSession() {
            return new CheckingIdFirst(idGenerator, Context.getCommandContext().getSession(PersistenceSession.class));
        }
    }

    static final class CheckingIdFirst extends DbEntityManager {

        CheckingIdFirst(IdGenerator idGenerator, PersistenceSession persistenceSession) {
            super(idGenerator, persistenceSession);
        }

        @Override
        protected void validateId(DbEntity entity) {
            String id = entity.getId();
            if (id == null || Authorization.ANY.equals(id)) {
                super.validateId(entity);
            }
        }
    }
}
