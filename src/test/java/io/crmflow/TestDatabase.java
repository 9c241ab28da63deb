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
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Where the integration tests keep their data. By default an in-memory H2 ({@code application-test.yaml}). With
 * {@code -Dcrmflow.test.database=postgres} (the {@code postgres-tests} run in pom.xml) the whole suite runs again with the
 * {@code postgres} profile on the machine's PostgreSQL, in an empty database of its own (created through the
 * {@code test} database), with the demo team asked for explicitly as the profile never creates it on its own; an
 * empty database keeps leads of earlier runs from filling the reps' capacity and changing who gets a lead.
 * The database outlives its JVM: dropping it in a shutdown hook raced with Spring closing the engine, which then
 * waited for a connection to a database that was gone. Each run instead drops the databases of test JVMs that are
 * no longer running.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String ADMIN_DATABASE = "test";
    private static final String USER = "postgres";
    private static final String PREFIX = "crmflow_it_";

    private static String database;

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("crmflow.test.database"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (postgres()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("freshPostgresDatabase",
                    Map.of("spring.datasource.url", SERVER + database(), "spring.datasource.username", USER,
                            "crmflow.demo.enabled", "true", "spring.flyway.locations", "classpath:db/migration,classpath:db/vendor/{vendor},classpath:db/demo")));
        }
    }

    /** The {@code test} profile, plus {@code postgres} in a PostgreSQL run. */
    public static class Profiles implements ActiveProfilesResolver {

        @Override
        public String[] resolve(Class<?> testClass) {
            return postgres() ? new String[] {"test", "postgres"} : new String[] {"test"};
        }
    }

    private static synchronized String database() {
        if (database == null) {
            dropDatabasesOfEndedRuns(SERVER + ADMIN_DATABASE, PREFIX);
            String name = PREFIX + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
            execute(SERVER + ADMIN_DATABASE, "create database " + name);
            database = name;
        }
        return database;
    }

    /** Drops the databases {@code <prefix><pid>_…} of test JVMs that are no longer running; {@code adminUrl} names any other database. */
    public static void dropDatabasesOfEndedRuns(String adminUrl, String prefix) {
        List<String> stale = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(adminUrl, USER, "");
             Statement statement = connection.createStatement();
             ResultSet databases = statement.executeQuery("select datname from pg_database where datname like '" + prefix + "%'")) {
            while (databases.next()) {
                String name = databases.getString(1);
                long pid = Long.parseLong(name.substring(prefix.length(), name.indexOf('_', prefix.length())));
                if (ProcessHandle.of(pid).isEmpty()) {
                    stale.add(name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + adminUrl + " is needed for the PostgreSQL tests: " + e.getMessage(), e);
        }
        stale.forEach(name -> execute(adminUrl, "drop database if exists " + name + " with (force)"));
    }

    public static void execute(String adminUrl, String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + adminUrl + " is needed for the PostgreSQL tests: " + e.getMessage(), e);
        }
    }
}
