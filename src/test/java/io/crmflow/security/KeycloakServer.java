package io.crmflow.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import org.springframework.test.util.TestSocketUtils;

/**
 * A real Keycloak for the tests: the {@code keycloak-quarkus-dist} zip from Maven Central that the {@code keycloak}
 * Maven profile unpacks into {@code target/keycloak}, started in dev mode on a free loopback port with a fresh data
 * folder and {@code deploy/keycloak/crmflow-realm.json} imported, and stopped (by its own process handle) at the end.
 * Keycloak needs Java 21 or later; the profile names that JDK ({@code crmflow.keycloak.java}).
 */
final class KeycloakServer implements AutoCloseable {

    static final String ADMIN = "kcadmin";
    static final String ADMIN_PASSWORD = "kcadmin-" + Long.toHexString(System.nanoTime());
    private static final Path REALM = Path.of("deploy", "keycloak", "crmflow-realm.json");

    private final Process process;
    private final URI url;

    private KeycloakServer(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    static KeycloakServer start() throws IOException, InterruptedException {
        Path home = Path.of(required("crmflow.keycloak.home"));
        Path data = home.resolve("data");
        deleteRecursively(data);
        Files.createDirectories(data.resolve("import"));
        Files.copy(REALM, data.resolve("import").resolve(REALM.getFileName()));
        int port = TestSocketUtils.findAvailableTcpPort();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + TestSocketUtils.findAvailableTcpPort(), "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "keycloak.log").toFile());
        builder.environment().put("JAVA_HOME", required("crmflow.keycloak.java"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        KeycloakServer server = new KeycloakServer(builder.start(), URI.create("http://127.0.0.1:" + port));
        server.awaitRealm();
        return server;
    }

    URI url() {
        return url;
    }

    /** Keycloak answers for the imported realm; a first start on a loaded two-core machine takes a minute or more. */
    private void awaitRealm() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest discovery = HttpRequest.newBuilder(url.resolve("/realms/crmflow/.well-known/openid-configuration")).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting; see target/keycloak.log");
            }
            try {
                if (client.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(1000);
        }
        close();
        throw new IllegalStateException("Keycloak did not serve the crmflow realm within 5 minutes; see target/keycloak.log");
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is not set: run this test with the Maven profile keycloak (mvnw verify -Pkeycloak)");
        }
        return value;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
