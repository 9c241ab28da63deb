package io.crmflow.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.springframework.test.util.TestSocketUtils;

/**
 * One crmflow node: the real application ({@code io.crmflow.CrmflowApplication}) in a JVM of its own, started from the
 * test JVM's class path without the test classes, on a free loopback port: with profile {@code postgres} on a shared
 * database, or on the embedded default. Its output goes to {@code target/cluster-nodes/<name>.log}. Only this process is
 * ever stopped or killed, by its own handle.
 */
final class CrmflowNode implements AutoCloseable {

    private static final Path LOGS = Path.of("target", "cluster-nodes");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private CrmflowNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a node on PostgreSQL and waits until it is ready. {@code name} is also the engine's host name, which the job
     * log records for every job, so a test can tell which node fired a timer.
     */
    static CrmflowNode start(String name, String jdbcUrl, Path rulesDirectory, List<String> arguments) {
        List<String> application = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--crmflow.demo.enabled=true",
                "--spring.flyway.locations=classpath:db/migration,classpath:db/vendor/{vendor},classpath:db/demo",
                "--crmflow.rules.directory=" + rulesDirectory.toAbsolutePath()));
        application.addAll(arguments);
        return launch(name, LOGS, application);
    }

    /**
     * Starts a node as an operator runs the {@code postgres} profile on a new database: no demo users, no demo rows, the
     * shipped rules from the class path. Waits until it is ready.
     */
    static CrmflowNode startAsShipped(String name, String jdbcUrl) {
        return launch(name, LOGS, List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres"));
    }

    /**
     * Starts a node on the embedded default, as {@code java -jar} run in {@code directory} does: no profile, the shipped
     * data-source URL, so its H2 file database is {@code directory/data}; started again on the same directory, a node
     * opens the same database. Waits until it is ready.
     */
    static CrmflowNode startEmbedded(String name, Path directory, Path rulesDirectory) {
        return launch(name, directory, List.of("--crmflow.rules.directory=" + rulesDirectory.toAbsolutePath()));
    }

    private static CrmflowNode launch(String name, Path workingDirectory, List<String> applicationArguments) {
        int port = TestSocketUtils.findAvailableTcpPort();
        try {
            Files.createDirectories(LOGS);
            Files.createDirectories(workingDirectory);
            Path log = LOGS.resolve(name + ".log").toAbsolutePath();
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:+UseSerialGC", "-cp", applicationClassPath(),
                    "io.crmflow.CrmflowApplication",
                    "--server.port=" + port,
                    "--server.address=127.0.0.1",
                    "--camunda.bpm.generic-properties.properties.hostname=" + name,
                    "--spring.main.banner-mode=off"));
            command.addAll(applicationArguments);
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            CrmflowNode node = new CrmflowNode(name, port, process, log);
            node.awaitReady();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** {@code kill -9}: no shutdown hook, no rollback, no goodbye to the database. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + name + " exited with " + process.exitValue() + " while starting; see " + log
                        + "\n" + tail());
            }
            if (status("/actuator/health/readiness") == 200) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Node " + name + " not ready after " + START_TIMEOUT + "; see " + log + "\n" + tail());
    }

    /** HTTP status of an unauthenticated GET, or -1 when the node does not answer. */
    int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire hides the real class path behind a manifest jar and publishes it here; the test classes stay out. */
    private static String applicationClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
