package io.crmflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesDirectoryWatcherTest {

    @TempDir
    Path directory;

    @Test
    void aBurstOfWritesIsOneChangeOnceTheDirectoryIsQuiet() throws IOException, InterruptedException {
        Semaphore changes = new Semaphore(0);
        try (RulesDirectoryWatcher watcher = new RulesDirectoryWatcher(directory, Duration.ofMillis(300), changes::release)) {
            // As an editor saves: a temporary file, renamed over the real one, written again.
            Files.writeString(directory.resolve("lead-score.dmn.tmp"), "<definitions/>");
            Files.move(directory.resolve("lead-score.dmn.tmp"), directory.resolve("lead-score.dmn"));
            Files.writeString(directory.resolve("lead-score.dmn"), "<definitions name=\"lead-score\"/>");

            assertThat(changes.tryAcquire(10, TimeUnit.SECONDS)).as("change noticed").isTrue();
            assertThat(changes.tryAcquire(1, TimeUnit.SECONDS)).as("noticed once").isFalse();

            Files.delete(directory.resolve("lead-score.dmn"));
            assertThat(changes.tryAcquire(10, TimeUnit.SECONDS)).as("deletion noticed").isTrue();
        }
    }
}
