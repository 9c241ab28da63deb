package io.crmflow.rules;

import java.time.Instant;
import java.util.List;

import io.crmflow.rules.RuleSetAuditEntry.Action;
import io.crmflow.rules.RuleSetVersion.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chooses the rule set to serve at start-up. Files in {@code rules/} that differ from the last deployment are a new
 * deployment: they are stored (if new) and activated, so shipping new files wins. Otherwise the version last made
 * active is restored, so an activation or rollback through the API survives a restart.
 */
@Component
class RuleSetStartup {

    static final String DEPLOYMENT_ACTOR = "deployment";

    private static final Logger log = LoggerFactory.getLogger(RuleSetStartup.class);

    private final RuleFileSource source;
    private final RuleSetCompiler compiler;
    private final RuleSetVersions versions;
    private final TransactionTemplate transaction;

    RuleSetStartup(RuleFileSource source, RuleSetCompiler compiler, RuleSetVersions versions, PlatformTransactionManager transactions) {
        this.source = source;
        this.compiler = compiler;
        this.versions = versions;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** @throws RuleValidationException when newly deployed files do not compile: better no start than unseen old rules */
    RuleSet ruleSetToServe() {
        List<RuleFile> deployed = source.load();
        String deployedVersion = RuleSetCompiler.versionOf(deployed);
        if (versions.lastDeployedHash().filter(deployedVersion::equals).isPresent()) {
            RuleSetVersion active = versions.active().orElseThrow(() -> new IllegalStateException("A deployment was recorded but no rule-set version is active"));
            RuleSet restored = compiler.compile(versions.files(active.id()));
            log.info("Rule set {} (#{}) restored, active since {} by {}; {} unchanged since its deployment", restored.version(),
                    active.id(), active.activatedAt(), active.activatedBy(), source.describeOrigin());
            return restored;
        }
        RuleSet ruleSet = compiler.validate(deployed);
        long id = transaction.execute(status -> register(deployed, deployedVersion));
        log.info("Rule set {} (#{}) deployed from {}: {}", ruleSet.version(), id, source.describeOrigin(),
                deployed.stream().map(RuleFile::name).sorted().toList());
        return ruleSet;
    }

    private long register(List<RuleFile> deployed, String version) {
        Instant now = Instant.now();
        RuleSetVersion previous = versions.active().orElse(null);
        long id = versions.findByHash(version).map(RuleSetVersion::id)
                .orElseGet(() -> versions.insert(version, Status.CANDIDATE, null, deployed, DEPLOYMENT_ACTOR, now));
        String summary;
        if (previous == null) {
            summary = "first deployment";
        } else if (previous.id() == id) {
            summary = "the deployed files are the active version";
        } else {
            summary = FileChanges.between(versions.files(previous.id()), deployed);
        }
        if (previous == null || previous.id() != id) {
            versions.activate(id, DEPLOYMENT_ACTOR, now);
        }
        versions.audit(Action.DEPLOY, DEPLOYMENT_ACTOR, now, previous == null ? null : previous.id(), id, summary);
        return id;
    }
}
