package io.crmflow.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Set;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database cannot be reached (stopped, restarting, network gone, no connection free within Hikari's
 * {@code connection-timeout}). That is an outage of crmflow's backing service, not a fault of the request nor a bug:
 * the caller gets a 503 with {@code Retry-After}, whichever layer noticed it (a service through Spring JDBC, the engine
 * wrapping it in a {@code ProcessEngineException}, or the login check in front of the API).
 */
final class DatabaseUnavailable {

    static final String RETRY_AFTER_SECONDS = "10";

    /** PostgreSQL: the server was shut down under an open connection, or is starting up / shutting down. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");
    /** SQL class 08: connection exceptions (refused, broken, closed). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private DatabaseUnavailable() {
    }

    static boolean isCause(Throwable failure) {
        return ExceptionUtils.getThrowableList(failure).stream().anyMatch(DatabaseUnavailable::meansUnreachable);
    }

    private static boolean meansUnreachable(Throwable cause) {
        if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        // Commit or rollback failed in JDBC: the connection is gone (Hikari has already closed a connection the server cut,
        // so its "Connection is closed" carries no SQL state).
        if (cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException) {
            return true;
        }
        return cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS) || UNAVAILABLE_STATES.contains(sql.getSQLState()));
    }

    static ProblemDetail problem() {
        return ApiProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                "crmflow cannot reach its database at the moment; nothing was saved. Try again in a few seconds.", List.of());
    }

    static ResponseEntity<ProblemDetail> response() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem());
    }
}
