package io.crmflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs an {@link IntegrationTest} subclass against the PostgreSQL at 127.0.0.1:5432 (database {@code test}) with the
 * {@code postgres} profile. Demo users and team are asked for explicitly: the profile never creates them on its own.
 * All classes with this annotation share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ActiveProfiles(value = {"test", "postgres"}, inheritProfiles = false)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test",
        "spring.datasource.username=postgres",
        "crmflow.demo.enabled=true",
        "spring.flyway.locations=classpath:db/migration,classpath:db/demo"})
public @interface PostgresTest {
}
