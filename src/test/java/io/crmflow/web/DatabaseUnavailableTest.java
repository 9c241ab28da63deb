package io.crmflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** The shapes in which a database outage reached the API in DatabaseOutageClusterTest, and look-alikes that are not one. */
class DatabaseUnavailableTest {

    private static final SQLTransientConnectionException POOL_TIMEOUT =
            new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms");

    @Test
    void noConnectionWithinTheTimeoutIsAnOutage() {
        assertThat(DatabaseUnavailable.isCause(new CannotCreateTransactionException("Could not open JDBC Connection", POOL_TIMEOUT))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new ProcessEngineException("ENGINE-03083", POOL_TIMEOUT))).isTrue();
    }

    @Test
    void aConnectionCutByTheServerIsAnOutage() {
        assertThat(DatabaseUnavailable.isCause(new ProcessEngineException("flush failed",
                new SQLException("An I/O error occurred while sending to the backend", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException(
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    }

    @Test
    void aRollbackOrCommitThatFailedInJdbcIsAnOutage() {
        assertThat(DatabaseUnavailable.isCause(new ProcessEngineException("persistence layer",
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("Could not roll back: no transaction"))).isFalse();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new ProcessEngineException("no such process"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("a bug"))).isFalse();
    }
}
