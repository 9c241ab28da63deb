package io.crmflow.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every node of a cluster on the same rule set: a rules owner activates or rolls back on whichever node the
 * proxy sent them to, the version is recorded in the shared database, and the other nodes switch within
 * {@code crmflow.rules.follow-interval} (5 s). Decisions record the version they used, so a decision made on a node in
 * those seconds still says which rules made it.
 */
@Component
class RuleSetFollower {

    private static final Logger log = LoggerFactory.getLogger(RuleSetFollower.class);

    private final RuleSetLifecycle lifecycle;

    RuleSetFollower(RuleSetLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Scheduled(fixedDelayString = "${crmflow.rules.follow-interval:5s}", initialDelayString = "${crmflow.rules.follow-interval:5s}")
    void follow() {
        try {
            lifecycle.followActiveVersion().ifPresent(version -> log.info(
                    "Rule set {} (#{}) was made active by {} on another node; this node serves it now", version.version(), version.id(),
                    version.activatedBy()));
        } catch (DataAccessException databaseAway) {
            log.warn("Could not read the active rule-set version; keeping the one served: {}", databaseAway.getMessage());
        }
    }
}
