package io.crmflow.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmflow.rules.RulesController.CandidateReplay;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * A replay that tells how far it has come while it runs (the workbench's progress bar): newline-delimited JSON, lines
 * {@code {"decided":300,"total":30000}} at most every {@link #EVERY} and once at the end, then {@code {"replay":{...}}} with the same report
 * as the plain replay, or {@code {"error":"..."}}. Streamed from the node that replays, so nothing is kept between
 * requests and any node of a cluster can serve it. Replays run on two threads of their own, one per core of a
 * small server: more at once would only slow each other down.
 */
@Component
class ReplayStreams {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final Duration EVERY = Duration.ofMillis(200);
    /** Longer than any replay of the largest allowed N has taken, with room for a queue. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(ReplayStreams.class);

    private final RuleSetLifecycle lifecycle;
    private final ObjectMapper json;
    private final ExecutorService threads;

    ReplayStreams(RuleSetLifecycle lifecycle, ObjectMapper json) {
        this.lifecycle = lifecycle;
        this.json = json;
        AtomicInteger number = new AtomicInteger();
        ClassLoader application = ReplayStreams.class.getClassLoader();
        this.threads = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "rules-replay-" + number.incrementAndGet());
            thread.setDaemon(true);
            // Drools finds its runtime through the thread's class loader: in a packaged jar, the application's.
            thread.setContextClassLoader(application);
            return thread;
        });
    }

    ResponseBodyEmitter replay(RuleSetVersion candidate, int last) {
        ResponseBodyEmitter emitter = new ResponseBodyEmitter(TIMEOUT.toMillis());
        threads.execute(() -> {
            // The first count is told at once, the last one always; those between at most every EVERY.
            long[] told = {System.nanoTime() - EVERY.toNanos()};
            int[] latest = {0, 0};
            try {
                List<ReplayReport> reports = lifecycle.replay(candidate.id(), last, (decided, total) -> {
                    latest[0] = decided;
                    latest[1] = total;
                    long now = System.nanoTime();
                    if (now - told[0] >= EVERY.toNanos()) {
                        told[0] = now;
                        send(emitter, Map.of("decided", decided, "total", total));
                    }
                });
                send(emitter, Map.of("decided", latest[0], "total", latest[1]));
                send(emitter, Map.of("replay", new CandidateReplay(candidate.id(), candidate.version(), last, reports)));
                emitter.complete();
            } catch (UncheckedIOException gone) {
                // The page was closed or the connection dropped: nobody waits for the rest.
                emitter.completeWithError(gone.getCause());
            } catch (RuntimeException failed) {
                log.warn("Replay of rule-set version {} failed", candidate.id(), failed);
                send(emitter, Map.of("error", String.valueOf(failed.getMessage())));
                emitter.complete();
            }
        });
        return emitter;
    }

    private void send(ResponseBodyEmitter emitter, Map<String, Object> line) {
        try {
            emitter.send(json.writeValueAsString(line) + "\n", NDJSON);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("A replay report could not be written as JSON", unwritable);
        } catch (IOException gone) {
            throw new UncheckedIOException(gone);
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
