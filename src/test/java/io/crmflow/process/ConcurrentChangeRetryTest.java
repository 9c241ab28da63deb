package io.crmflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures of a service call count as a lost race, to be run again (seen in TwoNodeClusterTest and the outage test). */
class ConcurrentChangeRetryTest {

    @Test
    void engineOptimisticLockingAndDatabaseDeadlocksAreLostRaces() {
        assertThat(ConcurrentChangeRetry.lostARace(new OptimisticLockingException("ENGINE-03005 Entity was updated by another transaction"))).isTrue();
        assertThat(ConcurrentChangeRetry.lostARace(new PessimisticLockingFailureException("ERROR: deadlock detected"))).isTrue();
        assertThat(ConcurrentChangeRetry.lostARace(new IllegalStateException(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(ConcurrentChangeRetry.lostARace(new IllegalStateException(new SQLException("could not serialize access", "40001")))).isTrue();
    }

    @Test
    void anOutageOrABadRequestIsNot() {
        assertThat(ConcurrentChangeRetry.lostARace(new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLException("Connection is closed")))).isFalse();
        assertThat(ConcurrentChangeRetry.lostARace(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(ConcurrentChangeRetry.lostARace(new IllegalArgumentException("a bug"))).isFalse();
    }
}
