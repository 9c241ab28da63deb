package io.crmflow;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the PostgreSQL tests an empty database of their own on the machine's server (created through the
 * {@code test} database), so that leads of earlier runs cannot fill the reps' capacity and change who gets a lead.
 * The database outlives its JVM: dropping it in a shutdown hook raced with Spring closing the engine, which then
 * waited for a connection to a database that was gone. Each run instead drops the databases of test JVMs that are
 * no longer running.
 */
public class FreshPostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String ADMIN_DATABASE = "test";
    private static final String USER = "postgres";
    private static final String PREFIX = "crmflow_it_";

    private static String database;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("freshPostgresDatabase",
                Map.of("spring.datasource.url", SERVER + database(), "spring.datasource.username", USER)));
    }

    private static synchronized String database() {
        if (database == null) {
            dropDatabasesOfEndedRuns();
            String name = PREFIX + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
            execute("create database " + name);
            database = name;
        }
        return database;
    }

    private static void dropDatabasesOfEndedRuns() {
        List<String> stale = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(SERVER + ADMIN_DATABASE, USER, "");
             Statement statement = connection.createStatement();
             ResultSet databases = statement.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (databases.next()) {
                String name = databases.getString(1);
                long pid = Long.parseLong(name.substring(PREFIX.length(), name.indexOf('_', PREFIX.length())));
                if (ProcessHandle.of(pid).isEmpty()) {
                    stale.add(name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " is needed for the PostgreSQL tests: " + e.getMessage(), e);
        }
        stale.forEach(name -> execute("drop database if exists " + name + " with (force)"));
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + ADMIN_DATABASE, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " is needed for the PostgreSQL tests: " + e.getMessage(), e);
        }
    }
}
