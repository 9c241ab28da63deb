package io.crmflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.ProcessIntegrationTest;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** The engine's id check on every insert: the same failures as Camunda's, without turning every row into text first. */
class EntityIdCheckTest extends ProcessIntegrationTest {

    private final EntityIdCheck.CheckingIdFirst check = new EntityIdCheck.CheckingIdFirst(null, null);

    @Test
    void aRowWithAnIdIsNeverWrittenOutAsText() {
        check.validateId(new Row("42"));
    }

    @Test
    void aMissingOrReservedIdFailsAsCamundaFailsIt() {
        assertThatThrownBy(() -> check.validateId(new Row(null))).isInstanceOf(ProcessEngineException.class)
                .hasMessage("Entity Row[null] has an invalid id: id is null");
        assertThatThrownBy(() -> check.validateId(new Row("*"))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Entity Row[*] has an invalid id").hasMessageContaining("* is a reserved identifier");
    }

    @Test
    void theEngineInsertsThroughIt() {
        assertThat(((ProcessEngineImpl) processEngine).getProcessEngineConfiguration().getSessionFactories().get(DbEntityManager.class))
                .isInstanceOf(EntityIdCheck.Factory.class);
        Task task = processEngine.getTaskService().newTask();
        task.setName("inserted through the check");
        processEngine.getTaskService().saveTask(task);
        try {
            assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getName())
                    .isEqualTo("inserted through the check");
        } finally {
            processEngine.getTaskService().deleteTask(task.getId(), true);
        }
    }

    /** A row whose text must not be needed: Camunda's check built "Entity " + row + " has an invalid id" for every insert. */
    private record Row(String id) implements DbEntity {

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void setId(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getPersistentState() {
            return id;
        }

        @Override
        public String toString() {
            if (id != null && !id.equals("*")) {
                throw new AssertionError("the row was written out as text although its id is fine");
            }
            return "Row[" + id + "]";
        }
    }
}
