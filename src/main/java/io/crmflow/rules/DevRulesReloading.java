package io.crmflow.rules;

import java.nio.file.Files;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Profile {@code dev}: a file saved in {@code rules/} (from Camunda Modeler or an editor) becomes the active version
 * within a second, without a restart or an upload. The files on disk are taken as they are, validated, stored and
 * activated as actor {@value #ACTOR}; files that do not compile are logged with file, line and message and the running
 * version keeps serving. Never active in other profiles: there, changes go through the audited API.
 */
@Component
@Profile("dev")
class DevRulesReloading implements AutoCloseable {

    static final String ACTOR = "file-watcher";
    private static final Duration DEBOUNCE = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(DevRulesReloading.class);

    private final RulesProperties properties;
    private final RuleFileSource source;
    private final RuleSetLifecycle lifecycle;
    private RulesDirectoryWatcher watcher;

    DevRulesReloading(RulesProperties properties, RuleFileSource source, RuleSetLifecycle lifecycle) {
        this.properties = properties;
        this.source = source;
        this.lifecycle = lifecycle;
    }

    /** Started once the application is up, so a change cannot race the start-up's own choice of version. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (!Files.isDirectory(properties.directory())) {
            log.warn("Profile dev: {} does not exist, rule files are not watched", properties.directory().toAbsolutePath());
            return;
        }
        watcher = new RulesDirectoryWatcher(properties.directory(), DEBOUNCE, this::reload);
        log.info("Profile dev: watching {} for rule changes", properties.directory().toAbsolutePath());
    }

    void reload() {
        try {
            lifecycle.activateFiles(source.load(), ACTOR).ifPresentOrElse(
                    version -> log.info("Rule set {} (#{}) from {} is active", version.version(), version.id(), source.describeOrigin()),
                    () -> log.debug("Rule files unchanged"));
        } catch (RuleValidationException invalid) {
            log.warn("Changed rule files in {} do not compile; the active version keeps serving:\n  {}", source.describeOrigin(),
                    String.join("\n  ", invalid.problems().stream().map(RuleProblem::toString).toList()));
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.close();
        }
    }
}
