package io.crmflow.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.crmflow.process.EngineExtensions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.AbstractWritableIdentityServiceCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic credentials that Camunda's identity service accepted a moment ago, with the user's groups, for
 * {@code crmflow.security.basic-cache-ttl} (docs/operations.md). Without it every API request pays Camunda's salted
 * SHA-512 password check and a group query (BENCHMARKS.md: most of the CPU of a trivial authenticated request).
 * <p>
 * Safe by construction: no password is kept, only an HMAC of it under a key drawn at random when the process starts
 * (so the cache holds nothing that outlives the process or can be checked against another node's); only successes are
 * remembered, so a wrong password always reaches Camunda and its failed-attempt lock-out; a failure forgets the user's
 * entries at once (a lock-out on this node applies to the next request); every change of users, passwords, groups or
 * memberships made through this node's engine (Camunda Admin, {@code /engine-rest}, the identity service) forgets
 * everything, once when the change is made and again when it commits. Changes made through other nodes of a cluster
 * are not seen here: the time-to-live bounds how long such an entry can be used (a few seconds).
 */
@Component
@Profile("!keycloak")
class CheckedCredentials extends AbstractProcessEnginePlugin {

    private record Key(String userId, String passwordMac) {
    }

    /** Null when switched off (time-to-live 0). */
    private final Cache<Key, List<String>> checked;
    private final SecretKeySpec macKey;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    /**
     * Counts what was forgotten: a check that started before a change must not store its (possibly outdated) result
     * after the change forgot everything.
     */
    private final AtomicLong forgotten = new AtomicLong();

    CheckedCredentials(@Value("${crmflow.security.basic-cache-ttl}") Duration timeToLive) {
        this.checked = timeToLive.isZero() || timeToLive.isNegative() ? null
                : Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(10_000).build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.macKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * The groups of {@code userId} if {@code password} is right: remembered, or from {@code check} (the password check
     * and group query, giving null for wrong credentials), whose success is then remembered.
     */
    List<String> groups(String userId, String password, Supplier<List<String>> check) {
        if (checked == null) {
            return check.get();
        }
        Key key = new Key(userId, mac(password));
        List<String> groups = checked.getIfPresent(key);
        if (groups != null) {
            return groups;
        }
        long before = forgotten.get();
        groups = check.get();
        if (groups == null) {
            forget(userId);
        } else if (forgotten.get() == before) {
            checked.put(key, List.copyOf(groups));
        }
        return groups;
    }

    private void forget(String userId) {
        forgotten.incrementAndGet();
        checked.asMap().keySet().removeIf(key -> key.userId().equals(userId));
    }

    void forgetAll() {
        if (checked != null) {
            forgotten.incrementAndGet();
            checked.invalidateAll();
        }
    }

    /** Forgets everything on each change of the identity store made through this node's engine. */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineExtensions.addCommandInterceptor(configuration, new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                if (command instanceof AbstractWritableIdentityServiceCmd<?> || command instanceof UnlockUserCmd) {
                    forgetAll();
                    // A check between now and the commit still reads the old rows (read committed): forget those too.
                    Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED, context -> forgetAll());
                }
                return next.execute(command);
            }
        });
    }

    private String mac(String password) {
        return HexFormat.of().formatHex(macs.get().doFinal(password.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
