package io.crmflow.cluster;

import com.zaxxer.hikari.HikariDataSource;
import io.crmflow.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database of its own for one cluster test, {@code crmflow_cluster_<pid>_<millis>}, on a PostgreSQL server with trust
 * authentication for {@code postgres}. Dropped at the end; databases left by test JVMs that died are dropped first.
 */
final class ScratchDatabase implements AutoCloseable {

    private static final String PREFIX = "crmflow_cluster_";
    private static final String USER = "postgres";

    private final String server;
    private final String name;
    private final HikariDataSource dataSource = new HikariDataSource();

    private ScratchDatabase(String server, String name) {
        this.server = server;
        this.name = name;
        dataSource.setJdbcUrl(jdbcUrl());
        dataSource.setUsername(USER);
        dataSource.setMaximumPoolSize(3);
        dataSource.setPoolName("test-" + name);
    }

    /** @param server e.g. {@code jdbc:postgresql://127.0.0.1:5432/}; its {@code postgres} database is used to create ours */
    static ScratchDatabase create(String server) {
        TestDatabase.dropDatabasesOfEndedRuns(server + "postgres", PREFIX);
        String name = PREFIX + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        TestDatabase.execute(server + "postgres", "create database " + name);
        return new ScratchDatabase(server, name);
    }

    String jdbcUrl() {
        return server + name;
    }

    /** A client on a few connections of the test's own, for any thread; they are replaced after the server restarted. */
    JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    @Override
    public void close() {
        dataSource.close();
        TestDatabase.execute(server + "postgres", "drop database if exists " + name + " with (force)");
    }
}
