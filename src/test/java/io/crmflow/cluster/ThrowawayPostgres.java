package io.crmflow.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own (Debian's postgresql-common: {@code pg_createcluster} … {@code crmflow_outage}
 * on port 5439, trust authentication), so that stopping "the database" never touches the machine's main cluster that
 * other tests and people use. A cluster left by an earlier run that crashed is dropped before a new one is made.
 */
final class ThrowawayPostgres implements AutoCloseable {

    static final int PORT = 5439;
    private static final String NAME = "crmflow_outage";
    private static final Path LOG = Path.of("target", "cluster-nodes", "pg-commands.log");

    private final String version;

    private ThrowawayPostgres(String version) {
        this.version = version;
    }

    static ThrowawayPostgres create() {
        String version = installedVersion();
        ThrowawayPostgres cluster = new ThrowawayPostgres(version);
        if (Files.isDirectory(Path.of("/etc/postgresql", version, NAME))) {
            cluster.run("pg_dropcluster", "--stop", version, NAME);
        }
        cluster.run("pg_createcluster", version, NAME, "-p", String.valueOf(PORT), "--", "--auth=trust");
        cluster.start();
        return cluster;
    }

    String server() {
        return "jdbc:postgresql://127.0.0.1:" + PORT + "/";
    }

    /** Fast shutdown: open connections are cut, as when the database host goes away. */
    void stop() {
        run("pg_ctlcluster", "--skip-systemctl-redirect", "--mode", "fast", version, NAME, "stop");
    }

    /** Returns once the server accepts connections. */
    void start() {
        run("pg_ctlcluster", "--skip-systemctl-redirect", version, NAME, "start");
        run("pg_isready", "-h", "127.0.0.1", "-p", String.valueOf(PORT), "-t", "30");
    }

    @Override
    public void close() {
        run("pg_dropcluster", "--stop", version, NAME);
    }

    private static String installedVersion() {
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            List<String> found = versions.map(path -> path.getFileName().toString()).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("No PostgreSQL server installed (/etc/postgresql is empty)");
            }
            return found.get(found.size() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL's postgresql-common tools are needed for the outage test", e);
        }
    }

    private void run(String... command) {
        try {
            // A file, not a pipe: the server that pg_ctlcluster starts must not hold our end of a pipe open.
            Files.createDirectories(LOG.getParent());
            Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile())).start();
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + LOG.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
