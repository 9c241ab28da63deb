package io.crmflow.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** The embedded database's guard of the audit log: updates and deletes are refused (PostgreSQL has its own trigger). */
public class H2AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_log is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
    }
}
