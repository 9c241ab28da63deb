package io.crmflow.rules;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls back once a directory has been quiet for the debounce time after a change: saving from Camunda Modeler or an
 * editor writes a file in several steps (temporary file, rename, attribute updates), and the rules must be read only
 * once it is complete. Runs on a daemon thread until {@link #close()}.
 */
final class RulesDirectoryWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RulesDirectoryWatcher.class);

    private final Path directory;
    private final Duration debounce;
    private final Runnable onChange;
    private final WatchService watchService;
    private final Thread thread;

    RulesDirectoryWatcher(Path directory, Duration debounce, Runnable onChange) {
        this.directory = directory;
        this.debounce = debounce;
        this.onChange = onChange;
        try {
            this.watchService = FileSystems.getDefault().newWatchService();
            directory.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot watch " + directory, e);
        }
        this.thread = new Thread(this::run, "rules-directory-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                drain(watchService.take());
                // Wait until no event arrived for a whole debounce period.
                for (WatchKey more = watchService.poll(debounce.toMillis(), TimeUnit.MILLISECONDS); more != null;
                     more = watchService.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) {
                    drain(more);
                }
                try {
                    onChange.run();
                } catch (RuntimeException failed) {
                    log.error("Reacting to a change in {} failed", directory, failed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain(WatchKey key) {
        key.pollEvents();
        if (!key.reset()) {
            log.warn("{} can no longer be watched (deleted or moved?); rule changes there are not picked up until a restart", directory);
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            watchService.close();
        } catch (IOException e) {
            log.debug("Closing the watch service of {} failed", directory, e);
        }
    }
}
