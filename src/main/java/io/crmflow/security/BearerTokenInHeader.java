package io.crmflow.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring Security's {@link DefaultBearerTokenResolver} (tokens only in the {@code Authorization} header) with a fast
 * path for the well-formed header every client sends: {@code Bearer } and an RFC 6750 {@code b64token}, checked
 * character by character instead of by Spring's regular expression, which ran over the whole ~1.3 KB token on every
 * request (JFR, bench/auth-keycloak.sh: ~4 % of a trivial request's CPU). The token found is the same; every other
 * header (none, another scheme, malformed) goes to Spring's resolver, so its answers (no token, or 401
 * {@code invalid_token}) stay exactly Spring's.
 */
final class BearerTokenInHeader implements BearerTokenResolver {

    private static final String PREFIX = "Bearer ";

    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && isB64Token(authorization, PREFIX.length())) {
            return authorization.substring(PREFIX.length());
        }
        return spring.resolve(request);
    }

    /** RFC 6750 §2.1: 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=", from {@code start} to the end. */
    private static boolean isB64Token(String text, int start) {
        int end = text.length();
        while (end > start && text.charAt(end - 1) == '=') {
            end--;
        }
        if (end == start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
