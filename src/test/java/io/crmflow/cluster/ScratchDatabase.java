package io.crmflow.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database of its own for one cluster test, {@code crmflow_cluster_<pid>_<millis>}, on a PostgreSQL server with trust
 * authentication for {@code postgres}. Dropped at the end; databases left by test JVMs that died are dropped first.
 */
final class ScratchDatabase implements AutoCloseable {

    private static final String PREFIX = "crmflow_cluster_";
    private static final String USER = "postgres";

    private final String server;
    private final String name;
    private final SingleConnectionDataSource dataSource;

    private ScratchDatabase(String server, String name) {
        this.server = server;
        this.name = name;
        this.dataSource = new SingleConnectionDataSource(jdbcUrl(), USER, "", true);
    }

    /** @param server e.g. {@code jdbc:postgresql://127.0.0.1:5432/}; its {@code postgres} database is used to create ours */
    static ScratchDatabase create(String server) {
        dropDatabasesOfEndedRuns(server);
        String name = PREFIX + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        execute(server, "create database " + name);
        return new ScratchDatabase(server, name);
    }

    String jdbcUrl() {
        return server + name;
    }

    /** A client on one connection of the test's own; it reconnects after the server restarted. */
    JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    /** Forgets the connection, e.g. one the server closed when it stopped. */
    void reconnect() {
        dataSource.resetConnection();
    }

    @Override
    public void close() {
        dataSource.destroy();
        execute(server, "drop database if exists " + name + " with (force)");
    }

    private static void dropDatabasesOfEndedRuns(String server) {
        List<String> stale = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(server + "postgres", USER, "");
             Statement statement = connection.createStatement();
             ResultSet databases = statement.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (databases.next()) {
                String database = databases.getString(1);
                long pid = Long.parseLong(database.substring(PREFIX.length(), database.indexOf('_', PREFIX.length())));
                if (ProcessHandle.of(pid).isEmpty()) {
                    stale.add(database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + server + " is needed for the cluster tests: " + e.getMessage(), e);
        }
        stale.forEach(database -> execute(server, "drop database if exists " + database + " with (force)"));
    }

    private static void execute(String server, String sql) {
        try (Connection connection = DriverManager.getConnection(server + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + server + ": " + sql + ": " + e.getMessage(), e);
        }
    }
}
