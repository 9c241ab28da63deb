package io.crmflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.crmflow.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * HTTP Basic credentials are remembered for {@code crmflow.security.basic-cache-ttl} (5 s) at most, and never past a
 * change: changes made through this node's engine (as Camunda Admin and {@code /engine-rest} make them) apply to the very
 * next request; changes made straight in the database, as another node of the cluster makes them, within the
 * time-to-live. Each case: a changed password, a lock, a removed group membership, a deleted user.
 */
class CheckedCredentialsTest extends IntegrationTest {

    /** The time-to-live plus a wide margin for a busy machine. */
    private static final Duration ANOTHER_NODES_CHANGE = Duration.ofSeconds(5 + 10);
    /** Only support leads see the SLA analytics: tells whether a request carried the group. */
    private static final String SUPPORT_LEADS_ONLY = "/api/analytics/sla";

    @Autowired
    IdentityService identityService;

    @Autowired
    CheckedCredentials checkedCredentials;

    @Test
    void aSuccessIsRememberedAFailureIsNotAndForgetsTheUser() {
        String user = unique("cached");
        AtomicInteger checks = new AtomicInteger();
        Supplier<List<String>> right = () -> {
            checks.incrementAndGet();
            return List.of("some-group");
        };
        Supplier<List<String>> wrong = () -> {
            checks.incrementAndGet();
            return null;
        };

        assertThat(checkedCredentials.groups(user, "secret", right)).containsExactly("some-group");
        assertThat(checkedCredentials.groups(user, "secret", right)).containsExactly("some-group");
        assertThat(checks).as("the second request is answered from the cache").hasValue(1);
        assertThat(checkedCredentials.groups(user, "guess", wrong)).isNull();
        assertThat(checkedCredentials.groups(user, "guess", wrong)).isNull();
        assertThat(checks).as("every wrong password is checked").hasValue(3);
        assertThat(checkedCredentials.groups(user, "secret", right)).containsExactly("some-group");
        assertThat(checks).as("a failure forgot the user's remembered password (a lock-out applies at once)").hasValue(4);
    }

    @Test
    void aPasswordChangedThroughThisNodeAppliesToTheNextRequest() {
        String user = supportLead();
        User changed = identityService.createUserQuery().userId(user).singleResult();
        changed.setPassword("new-" + user);
        identityService.saveUser(changed);

        // The new password first: a failed attempt makes Camunda refuse the user for a few seconds (brute-force delay).
        assertThat(status(user, "new-" + user, SUPPORT_LEADS_ONLY)).isEqualTo(200);
        assertThat(status(user, user, SUPPORT_LEADS_ONLY)).isEqualTo(401);
    }

    @Test
    void aMembershipRemovedThroughThisNodeAppliesToTheNextRequest() {
        String user = supportLead();
        identityService.deleteMembership(user, CrmflowGroup.SUPPORT_LEAD.id());

        assertThat(status(user, user, SUPPORT_LEADS_ONLY)).isEqualTo(403);
    }

    @Test
    void aUserDeletedThroughThisNodeIsRefusedAtTheNextRequest() {
        String user = supportLead();
        identityService.deleteUser(user);

        assertThat(status(user, user, SUPPORT_LEADS_ONLY)).isEqualTo(401);
    }

    @Test
    void aPasswordChangedOnAnotherNodeAppliesWithinTheTimeToLive() {
        String user = supportLead();
        String other = supportLead();
        List<String> otherPassword = jdbc.sql("select pwd_, salt_ from act_id_user where id_ = ?").param(other)
                .query((row, number) -> List.of(row.getString(1), row.getString(2))).single();
        jdbc.sql("update act_id_user set pwd_ = ?, salt_ = ? where id_ = ?").params(otherPassword.get(0), otherPassword.get(1), user).update();

        await().atMost(ANOTHER_NODES_CHANGE).until(() -> status(user, user, SUPPORT_LEADS_ONLY) == 401);
    }

    @Test
    void aLockOnAnotherNodeAppliesWithinTheTimeToLive() {
        String user = supportLead();
        // As Camunda locks a user after failed attempts; far in the future, as some tests move the engine's clock.
        jdbc.sql("update act_id_user set attempts_ = 10, lock_exp_time_ = ? where id_ = ?")
                .params(Timestamp.from(Instant.now().plus(3650, ChronoUnit.DAYS)), user).update();

        await().atMost(ANOTHER_NODES_CHANGE).until(() -> status(user, user, SUPPORT_LEADS_ONLY) == 401);
    }

    @Test
    void aMembershipRemovedOnAnotherNodeAppliesWithinTheTimeToLive() {
        String user = supportLead();
        jdbc.sql("delete from act_id_membership where user_id_ = ?").param(user).update();

        await().atMost(ANOTHER_NODES_CHANGE).until(() -> status(user, user, SUPPORT_LEADS_ONLY) == 403);
    }

    @Test
    void aUserDeletedOnAnotherNodeIsRefusedWithinTheTimeToLive() {
        String user = supportLead();
        jdbc.sql("delete from act_id_membership where user_id_ = ?").param(user).update();
        jdbc.sql("delete from act_id_user where id_ = ?").param(user).update();

        await().atMost(ANOTHER_NODES_CHANGE).until(() -> status(user, user, SUPPORT_LEADS_ONLY) == 401);
    }

    /** A new support lead whose password is its id, signed in once (so that its credentials are remembered). */
    private String supportLead() {
        String user = unique("cache");
        User created = identityService.newUser(user);
        created.setPassword(user);
        identityService.saveUser(created);
        identityService.createMembership(user, CrmflowGroup.SUPPORT_LEAD.id());
        assertThat(status(user, user, SUPPORT_LEADS_ONLY)).isEqualTo(200);
        return user;
    }

    private int status(String user, String password, String path) {
        return http.withBasicAuth(user, password).getForEntity(path, String.class).getStatusCode().value();
    }
}
