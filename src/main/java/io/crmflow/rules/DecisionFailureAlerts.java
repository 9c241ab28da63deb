package io.crmflow.rules;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.crmflow.notify.Channel;
import io.crmflow.notify.Notification;
import io.crmflow.notify.Notifications;
import io.crmflow.security.CrmflowGroup;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.lang3.StringUtils;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the rules owners, like an incident, that the active rule set failed to decide: an IM message and an email to
 * each member of {@code rules-owner}, once per version and decision across the cluster (the outbox's idempotency key),
 * and the counter {@code crmflow.rules.decision.failures} (tags {@code model}, {@code version}, {@code outcome}:
 * {@code fallback} when an earlier version decided instead, {@code refused} when none could) on every failure.
 * The alert is written in a transaction of its own: it must outlive the request that failed.
 */
@Component
class DecisionFailureAlerts {

    static final String METRIC = "crmflow.rules.decision.failures";
    /** The outbox keeps 4000 characters of a body; DMN messages can be longer. */
    private static final int MAX_MESSAGE = 2000;
    private static final Logger log = LoggerFactory.getLogger(DecisionFailureAlerts.class);

    private final Notifications notifications;
    private final IdentityService identity;
    private final MeterRegistry meters;
    private final TransactionTemplate ownTransaction;
    private final Set<String> alerted = ConcurrentHashMap.newKeySet();

    DecisionFailureAlerts(Notifications notifications, @Lazy IdentityService identity, MeterRegistry meters,
                          PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.identity = identity;
        this.meters = meters;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @param fallbackVersion the version that decided instead, or null when the request was refused */
    void failed(String version, String model, DecisionFailedException failure, String fallbackVersion) {
        meters.counter(METRIC, "model", model, "version", version, "outcome", fallbackVersion == null ? "refused" : "fallback").increment();
        log.error("Rule set {} failed to decide '{}'{}: {}", version, model,
                fallbackVersion == null ? "; request refused" : "; decided with version " + fallbackVersion + " instead", failure.getMessage());
        String key = "rules:" + version + ":" + model + ":failed";
        if (!alerted.add(key)) {
            return;
        }
        try {
            String subject = "规则故障 Rules incident: rule set " + version + " cannot decide '" + model + "'";
            String body = (fallbackVersion == null
                    ? "Requests that need this decision are refused (503) until the rule set is fixed or rolled back. "
                    : "This node decides with the earlier version " + fallbackVersion + " instead until the rule set is fixed or rolled back. ")
                    + "First failure: " + StringUtils.abbreviate(failure.getMessage(), MAX_MESSAGE) + " — POST /api/rules/rollback or upload a fixed candidate.";
            List<User> owners = identity.createUserQuery().memberOfGroup(CrmflowGroup.RULES_OWNER.id()).list();
            ownTransaction.executeWithoutResult(status -> {
                for (User owner : owners) {
                    notifications.send(new Notification(Channel.IM, owner.getId(), subject, body, "rules:" + version, key + ":im:" + owner.getId()));
                    if (owner.getEmail() != null && !owner.getEmail().isBlank()) {
                        notifications.send(new Notification(Channel.EMAIL, owner.getEmail(), subject, body, "rules:" + version,
                                key + ":email:" + owner.getId()));
                    }
                }
            });
        } catch (RuntimeException alertFailed) {
            // The alert must not turn a decided request into a failed one; the log line and the metric remain.
            alerted.remove(key);
            log.warn("Could not queue the rules incident alert {}: {}", key, alertFailed.toString());
        }
    }
}
