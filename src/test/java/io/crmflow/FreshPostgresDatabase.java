package io.crmflow;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the PostgreSQL tests an empty database of their own on the machine's server (created through the
 * {@code test} database, dropped when the JVM ends), so that leads of earlier runs cannot fill the reps' capacity and
 * change who gets a lead.
 */
public class FreshPostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String ADMIN_DATABASE = "test";
    private static final String USER = "postgres";

    private static String database;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("freshPostgresDatabase",
                Map.of("spring.datasource.url", SERVER + database(), "spring.datasource.username", USER)));
    }

    private static synchronized String database() {
        if (database == null) {
            String name = "crmflow_it_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
            execute("create database " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop database if exists " + name + " with (force)")));
            database = name;
        }
        return database;
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
