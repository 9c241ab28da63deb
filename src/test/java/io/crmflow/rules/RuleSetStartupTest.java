package io.crmflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.crmflow.IntegrationTest;
import io.crmflow.rules.RuleSetAuditEntry.Action;
import io.crmflow.rules.RuleSetVersion.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which version serves after a restart, and the dev profile's reloading from disk. The start-up runs against the
 * shared database inside a transaction that is rolled back, so the application's own state stays as it was.
 */
class RuleSetStartupTest extends IntegrationTest {

    @Autowired
    RuleSetCompiler compiler;

    @Autowired
    RuleSetVersions versions;

    @Autowired
    RuleSetLifecycle lifecycle;

    @Autowired
    ActiveRuleSet activeRuleSet;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path rulesDirectory;

    @Test
    void unchangedFilesOnDiskRestoreTheVersionActivatedThroughTheApi() throws IOException {
        copyDeployedRules(null, null);
        List<RuleFile> activatedFiles = editedDeployedRules("<text>&gt;= 80</text>", "<text>&gt;= 85</text>");
        String activatedVersion = RuleSetCompiler.versionOf(activatedFiles);
        inRolledBackTransaction(() -> {
            long activated = versions.insert(activatedVersion, Status.CANDIDATE, null, activatedFiles, "rui", Instant.now());
            versions.activate(activated, "rui", Instant.now());

            RuleSet served = startup().ruleSetToServe();

            assertThat(served.version()).isEqualTo(activatedVersion).isNotEqualTo(activeRuleSet.current().version());
            assertThat(versions.active().orElseThrow().id()).isEqualTo(activated);
            return null;
        });
    }

    @Test
    void newFilesOnDiskAreADeploymentThatWins() throws IOException {
        copyDeployedRules("<outputEntry id=\"DwellPoints_Row1_Out\"><text>30</text>", "<outputEntry id=\"DwellPoints_Row1_Out\"><text>25</text>");
        RuleSetVersion before = versions.active().orElseThrow();
        inRolledBackTransaction(() -> {
            RuleSet served = startup().ruleSetToServe();

            RuleSetVersion deployed = versions.active().orElseThrow();
            assertThat(deployed.version()).isEqualTo(served.version()).isNotEqualTo(before.version());
            assertThat(deployed.activatedBy()).isEqualTo(RuleSetStartup.DEPLOYMENT_ACTOR);
            RuleSetAuditEntry entry = versions.audit().get(0);
            assertThat(entry.action()).isEqualTo(Action.DEPLOY);
            assertThat(entry.fromVersion()).isEqualTo(before.id());
            assertThat(entry.summary()).isEqualTo("lead-score.dmn changed");
            assertThat(versions.activeBefore(deployed.id())).contains(before.id());
            return null;
        });
        assertThat(versions.active().orElseThrow()).isEqualTo(before);
    }

    @Test
    void brokenNewFilesOnDiskStopTheStart() throws IOException {
        copyDeployedRules("min([100, sourcePoints + visitPoints + dwellPoints])", "min([100, sourcePoints + + ])");
        long stored = count("rule_set_version");

        assertThatThrownBy(() -> startup().ruleSetToServe()).isInstanceOf(RuleValidationException.class);
        assertThat(count("rule_set_version")).isEqualTo(stored);
    }

    @Test
    void devReloadingActivatesValidFilesFromDiskAndLogsBrokenOnes() throws IOException {
        RuleSet original = activeRuleSet.current();
        copyDeployedRules("<outputEntry id=\"VisitPoints_Row1_Out\"><text>30</text>", "<outputEntry id=\"VisitPoints_Row1_Out\"><text>28</text>");
        RulesProperties properties = new RulesProperties(rulesDirectory);
        DevRulesReloading reloading = new DevRulesReloading(properties, new RuleFileSource(properties), lifecycle);
        try {
            reloading.reload();

            RuleSetVersion active = versions.active().orElseThrow();
            assertThat(activeRuleSet.current().version()).isEqualTo(active.version()).isNotEqualTo(original.version());
            assertThat(active.activatedBy()).isEqualTo(DevRulesReloading.ACTOR);
            assertThat(versions.audit().get(0).action()).isEqualTo(Action.ACTIVATE);

            Files.writeString(rulesDirectory.resolve("lead-assignment.drl"), "rule \"broken\" when then");
            reloading.reload();
            assertThat(activeRuleSet.current().version()).isEqualTo(active.version());
        } finally {
            if (!activeRuleSet.current().version().equals(original.version())) {
                lifecycle.rollback("test", null);
            }
        }
        assertThat(activeRuleSet.current().version()).isEqualTo(original.version());
    }

    private RuleSetStartup startup() {
        return new RuleSetStartup(new RuleFileSource(new RulesProperties(rulesDirectory)), compiler, versions, transactions);
    }

    private void inRolledBackTransaction(Supplier<Void> work) {
        new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }

    /** The rules deployed at the start of this test run into the temporary rules folder, with one edit. */
    private void copyDeployedRules(String find, String replacement) throws IOException {
        for (RuleFile file : editedDeployedRules(find, replacement)) {
            Files.write(rulesDirectory.resolve(file.name()), file.content());
        }
    }

    /**
     * The deployed rules with {@code find} replaced in {@code lead-score.dmn}; unchanged if {@code find} is null. Taken
     * from the active version rather than from {@code rules/}, which may have been edited since the start.
     */
    private List<RuleFile> editedDeployedRules(String find, String replacement) {
        return activeRuleSet.current().files().stream().map(file -> {
            if (find == null || !file.name().equals("lead-score.dmn")) {
                return file;
            }
            assertThat(file.text()).contains(find);
            return new RuleFile(file.name(), file.text().replace(find, replacement).getBytes(StandardCharsets.UTF_8));
        }).toList();
    }
}
