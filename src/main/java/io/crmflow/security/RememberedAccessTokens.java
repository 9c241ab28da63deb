package io.crmflow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Bearer tokens that the full check (parsing, signature, issuer, audience, expiry) accepted a moment ago, for
 * {@code crmflow.security.bearer-cache-ttl} (docs/operations.md): a client sends the same access token with every
 * request for its whole lifespan, and without this each request pays the full check again (BENCHMARKS.md: most of
 * what a bearer request costs more than a remembered HTTP Basic one). The counterpart of {@link CheckedCredentials}.
 * <p>
 * Safe by construction: only successes are remembered, so a rejected token is checked in full every time; a remembered
 * token is served only before its own {@code exp} (checked on every use, with no clock-skew tolerance) and for at most
 * the time-to-live after it was checked; a token without {@code exp} is never remembered. Entries are found by the
 * SHA-256 of the token, not the token itself: a lookup compares digests, so a caller cannot steer it into comparing its
 * guess with a remembered token character by character ({@code String} hash codes are easy to collide on purpose, and
 * {@code String.equals} stops at the first difference); learning how much of a digest a guess matches says nothing
 * about the token. A plain digest suffices, unlike the passwords of {@link CheckedCredentials}: a token is a long
 * random-looking signed string that cannot be found by trying guesses against its digest.
 */
final class RememberedAccessTokens implements JwtDecoder {

    /** The tokens of a few thousand clients within a time-to-live; each entry is the token and its parsed claims (~2 KB). */
    private static final int MAXIMUM_TOKENS = 10_000;

    private record Remembered(Jwt token, Instant usableUntil) {
    }

    private final JwtDecoder fullCheck;
    private final Duration timeToLive;
    private final Clock clock;
    private final Cache<String, Remembered> remembered;
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(RememberedAccessTokens::newSha256);

    private RememberedAccessTokens(JwtDecoder fullCheck, Duration timeToLive, Clock clock) {
        this.fullCheck = fullCheck;
        this.timeToLive = timeToLive;
        this.clock = clock;
        this.remembered = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(MAXIMUM_TOKENS).build();
    }

    /** {@code fullCheck} remembering its successes for {@code timeToLive}; {@code fullCheck} itself if that is 0 (off). */
    static JwtDecoder remembering(JwtDecoder fullCheck, Duration timeToLive, Clock clock) {
        return timeToLive.isZero() || timeToLive.isNegative() ? fullCheck : new RememberedAccessTokens(fullCheck, timeToLive, clock);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = digest(token);
        Instant now = clock.instant();
        Remembered hit = remembered.getIfPresent(key);
        if (hit != null && now.isBefore(hit.usableUntil())) {
            return hit.token();
        }
        Jwt checked = fullCheck.decode(token);
        Instant expiresAt = checked.getExpiresAt();
        if (expiresAt != null) {
            Instant usableUntil = earlier(expiresAt, now.plus(timeToLive));
            if (now.isBefore(usableUntil)) {
                remembered.put(key, new Remembered(checked, usableUntil));
            }
        }
        return checked;
    }

    private String digest(String token) {
        // UTF-8, not ASCII: ASCII would turn every other character into '?', giving a forged token the digest of a real one.
        return HexFormat.of().formatHex(sha256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static Instant earlier(Instant one, Instant other) {
        return one.isBefore(other) ? one : other;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
