package io.crmflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Bearer tokens are remembered only after the full check accepted them, never past their own {@code exp} nor longer
 * than {@code crmflow.security.bearer-cache-ttl}; rejected tokens are checked in full every time. Tokens signed here
 * with a key of the test's own, checked by the same Nimbus decoder and timestamp validator as the keycloak profile's.
 */
class RememberedAccessTokensTest {

    private static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);
    private static final KeyPair REALM_KEY = rsaKeyPair();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final AtomicInteger fullChecks = new AtomicInteger();
    /** The keycloak profile's check (signature and timestamps, no clock-skew tolerance here), counting its calls. */
    private final JwtDecoder fullCheck = countingChecks(REALM_KEY);
    private final JwtDecoder tokens = RememberedAccessTokens.remembering(fullCheck, TIME_TO_LIVE, clock);

    @Test
    void aRepeatedTokenIsCheckedOnce() {
        String mia = token(REALM_KEY, "mia", clock.instant().plusSeconds(300));

        assertThat(tokens.decode(mia).getClaimAsString("preferred_username")).isEqualTo("mia");
        assertThat(tokens.decode(mia).getClaimAsString("preferred_username")).isEqualTo("mia");
        assertThat(tokens.decode(mia).getTokenValue()).isEqualTo(mia);
        assertThat(fullChecks).as("the later requests are answered from the cache").hasValue(1);
    }

    @Test
    void anExpiredTokenIsNeverServedFromTheCache() {
        String mia = token(REALM_KEY, "mia", clock.instant().plusSeconds(10));
        tokens.decode(mia);

        clock.advance(Duration.ofSeconds(9));
        tokens.decode(mia);
        assertThat(fullChecks).as("still valid: remembered").hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        tokens.decode(mia);
        assertThat(fullChecks).as("at exp (well within the time-to-live) the full check decides").hasValue(2);

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> tokens.decode(mia)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(mia)).isInstanceOf(JwtException.class);
        assertThat(fullChecks).as("each use past exp is checked in full, and rejected").hasValue(4);
    }

    @Test
    void anEntryLivesAtMostTheTimeToLive() {
        String mia = token(REALM_KEY, "mia", clock.instant().plusSeconds(300));
        tokens.decode(mia);

        clock.advance(TIME_TO_LIVE.minusSeconds(1));
        tokens.decode(mia);
        assertThat(fullChecks).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        tokens.decode(mia);
        assertThat(fullChecks).as("checked again once the time-to-live is over").hasValue(2);
        tokens.decode(mia);
        assertThat(fullChecks).as("and remembered again").hasValue(2);
    }

    @Test
    void aRejectedTokenIsCheckedInFullEveryTime() {
        String foreign = token(rsaKeyPair(), "admin", clock.instant().plusSeconds(300));
        String mia = token(REALM_KEY, "mia", clock.instant().plusSeconds(300));
        String[] parts = mia.split("\\.");
        String tampered = parts[0] + "." + token(REALM_KEY, "admin", clock.instant().plusSeconds(300)).split("\\.")[1] + "." + parts[2];
        tokens.decode(mia);

        for (String rejected : new String[] {foreign, tampered, "not-a-token"}) {
            int before = fullChecks.get();
            assertThatThrownBy(() -> tokens.decode(rejected)).isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> tokens.decode(rejected)).isInstanceOf(JwtException.class);
            assertThat(fullChecks.get() - before).as(rejected).isEqualTo(2);
        }
    }

    @Test
    void differentTokensAreRememberedApart() {
        String mia = token(REALM_KEY, "mia", clock.instant().plusSeconds(300));
        String alice = token(REALM_KEY, "alice", clock.instant().plusSeconds(20));

        assertThat(tokens.decode(mia).getClaimAsString("preferred_username")).isEqualTo("mia");
        assertThat(tokens.decode(alice).getClaimAsString("preferred_username")).isEqualTo("alice");
        assertThat(tokens.decode(mia).getClaimAsString("preferred_username")).isEqualTo("mia");
        assertThat(tokens.decode(alice).getClaimAsString("preferred_username")).isEqualTo("alice");
        assertThat(fullChecks).hasValue(2);

        clock.advance(Duration.ofSeconds(21));
        assertThatThrownBy(() -> tokens.decode(alice)).isInstanceOf(JwtException.class);
        assertThat(tokens.decode(mia).getClaimAsString("preferred_username")).as("alice's expiry is hers alone").isEqualTo("mia");
        assertThat(fullChecks).hasValue(3);
    }

    @Test
    void aTokenWithoutExpiryIsNotRemembered() {
        String forever = token(REALM_KEY, "mia", null);

        tokens.decode(forever);
        tokens.decode(forever);
        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void zeroSwitchesItOff() {
        JwtDecoder off = RememberedAccessTokens.remembering(fullCheck, Duration.ZERO, clock);
        String mia = token(REALM_KEY, "mia", clock.instant().plusSeconds(300));

        off.decode(mia);
        off.decode(mia);
        assertThat(fullChecks).hasValue(2);
    }

    private JwtDecoder countingChecks(KeyPair realmKey) {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) realmKey.getPublic()).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        nimbus.setJwtValidator(timestamps);
        return token -> {
            fullChecks.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    private String token(KeyPair key, String user, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(user + "-id").claim("preferred_username", user)
                .issueTime(Date.from(clock.instant())).expirationTime(expiresAt == null ? null : Date.from(expiresAt)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(key.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time as the test sets it, for both the cache and the token's expiry check. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test needs no other zone");
        }
    }
}
