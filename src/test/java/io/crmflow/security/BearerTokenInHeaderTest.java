package io.crmflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The fast path finds exactly the token Spring Security's resolver finds, and every other header gets Spring's answer. */
class BearerTokenInHeaderTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtaWEifQ.c2lnbmF0dXJl-_~+/";

    private final BearerTokenResolver fast = new BearerTokenInHeader();
    private final BearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void aWellFormedHeaderGivesItsToken() {
        assertThat(fast.resolve(request("Bearer " + TOKEN))).isEqualTo(TOKEN);
        assertThat(fast.resolve(request("bEARER " + TOKEN + "=="))).isEqualTo(TOKEN + "==");
    }

    @Test
    void everyHeaderGetsSpringsAnswer() {
        List<String> headers = new ArrayList<>(List.of("", "Bearer", "Bearer ", "Bearer  " + TOKEN, "Bearer =", "Bearer a=b",
                "Bearer " + TOKEN + "\n", " Bearer " + TOKEN, "Bearer\t" + TOKEN, "Basic bWlhOm1pYQ==", "Bearerx " + TOKEN,
                "Bearer " + TOKEN + " " + TOKEN, "BEARER " + TOKEN + "==="));
        // Every character of the basic plane in the scheme, in the token, after the padding and in its place.
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            headers.add("Bearer " + TOKEN + c);
            headers.add("Bearer " + c + TOKEN);
            headers.add("Bearer " + TOKEN + "=" + c);
            headers.add("Bearer" + c + TOKEN);
            headers.add("Bea" + c + "er " + TOKEN);
            headers.add(c + "earer " + TOKEN);
        }
        for (String header : headers) {
            assertThat(answer(fast, header)).as(header).isEqualTo(answer(spring, header));
        }
        assertThat(answer(fast, null)).isEqualTo(answer(spring, null)).isEqualTo("no token");
    }

    private static String answer(BearerTokenResolver resolver, String header) {
        try {
            String token = resolver.resolve(request(header));
            return token == null ? "no token" : "token " + token;
        } catch (OAuth2AuthenticationException e) {
            return "401 " + e.getError().getErrorCode() + ": " + e.getError().getDescription();
        }
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/leads");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }
}
