package io.crmflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs an {@link IntegrationTest} subclass against the PostgreSQL server at 127.0.0.1:5432 with the {@code postgres}
 * profile, in a fresh database of its own ({@link FreshPostgresDatabase}). Demo users and team are asked for
 * explicitly: the profile never creates them on its own. All classes with this annotation share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ActiveProfiles(value = {"test", "postgres"}, inheritProfiles = false)
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@TestPropertySource(properties = {
        "crmflow.demo.enabled=true",
        "spring.flyway.locations=classpath:db/migration,classpath:db/demo"})
public @interface PostgresTest {
}
