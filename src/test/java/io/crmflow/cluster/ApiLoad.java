package io.crmflow.cluster;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A bounded load on the nodes' API over loopback: {@code clients} threads post submission 0, 1, 2… in turn, submission
 * {@code i} to node {@code i mod n} of the live node list (which a test may change while the load runs). Every attempt
 * is recorded. An idempotent submission (a lead with its externalId) is sent again, to the next node, when the node did
 * not answer or answered 503, until it gets another answer: what a well-behaved client of a cluster does.
 */
final class ApiLoad implements AutoCloseable {

    /** One HTTP exchange; status -1 when the node did not answer (refused, reset, timed out). */
    record Attempt(String key, String node, int status, String contentType, String retryAfter, long startedAtMillis,
                   long tookMillis) {
    }

    /** What to post; {@code key} names it in the results (e.g. the lead's externalId). */
    record Submission(String key, String path, String user, String json) {
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<CrmflowNode> nodes;
    private final IntFunction<Submission> submissions;
    private final boolean idempotent;
    private final int limit;
    private final Duration pause;
    private final ExecutorService clients;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final Map<String, Attempt> answers = new ConcurrentHashMap<>();
    private final List<Future<?>> running;

    /**
     * Starts posting at once.
     *
     * @param limit how many submissions at most; {@link #stop()} ends the load earlier
     * @param pause  how long a client waits after each submission
     */
    ApiLoad(List<CrmflowNode> nodes, int clients, int limit, Duration pause, boolean idempotent, IntFunction<Submission> submissions) {
        this.nodes = nodes;
        this.pause = pause;
        this.submissions = submissions;
        this.idempotent = idempotent;
        this.limit = limit;
        this.clients = Executors.newFixedThreadPool(clients);
        this.running = java.util.stream.IntStream.range(0, clients).<Future<?>>mapToObj(client -> this.clients.submit(this::work)).toList();
    }

    /** Posts no new submissions; those under way finish. */
    void stop() {
        stopping.set(true);
    }

    /** Waits until every submission got its answer (or the load was stopped and the last ones finished). */
    ApiLoad await(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<?> client : running) {
            client.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        return this;
    }

    int submitted() {
        return Math.min(next.get(), limit);
    }

    /** The last attempt of each submission: its answer. */
    Map<String, Attempt> answers() {
        return Map.copyOf(answers);
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    @Override
    public void close() {
        stop();
        clients.shutdownNow();
    }

    private void work() {
        for (int index = next.getAndIncrement(); index < limit && !stopping.get(); index = next.getAndIncrement()) {
            Submission submission = submissions.apply(index);
            for (int attempt = 0; ; attempt++) {
                List<CrmflowNode> live = List.copyOf(nodes);
                Attempt answer = send(live.get((index + attempt) % live.size()), submission);
                attempts.add(answer);
                boolean unanswered = answer.status() == -1 || answer.status() == 503;
                if (!idempotent || !unanswered || stopping.get() && attempt > 0) {
                    answers.put(submission.key(), answer);
                    break;
                }
                CrmflowNode.sleep(RETRY_PAUSE);
            }
            CrmflowNode.sleep(pause);
        }
    }

    /** One attempt, outside the load's own sequence (e.g. a follow-up on a record the load created). */
    Attempt send(CrmflowNode node, Submission submission) {
        long started = System.currentTimeMillis();
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(node.uri(submission.path())).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (submission.user() + ":" + submission.user()).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(submission.json())).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Attempt(submission.key(), node.name(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.headers().firstValue("Retry-After").orElse(null),
                    started, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return new Attempt(submission.key(), node.name(), -1, null, null, started, (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
