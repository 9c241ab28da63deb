package io.crmflow.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * crmflow's SQL is standard enough for both of its databases, H2 (the embedded default) and PostgreSQL, except for a
 * few statements where PostgreSQL has a better or a necessary form of its own (an upsert, a lock mode, grouping sets).
 */
public final class SqlDialect {

    private SqlDialect() {
    }

    /** {@code postgres} on PostgreSQL, else {@code standard}: chosen once, when the statement's owner is made. */
    public static String choose(DataSource dataSource, String postgres, String standard) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()) ? postgres : standard;
        }
    }
}
