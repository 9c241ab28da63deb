package io.crmflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A browser without a screen: keeps the session cookie, signs in through crmflow's sign-in page with its CSRF token as
 * a person does, then asks for pages, page data and Camunda's webapp API in that one session. Redirects are not
 * followed, so a test sees where a stranger is sent.
 */
public final class SignedInBrowser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final int port;

    public SignedInBrowser(int port) {
        this.port = port;
    }

    /** Signs in as {@code user} (password = user id) and returns where the sign-in page sent them. */
    public String signIn(String user) throws IOException, InterruptedException {
        Matcher token = CSRF.matcher(get("/login").body());
        assertThat(token.find()).as("the sign-in page carries a CSRF token").isTrue();
        String form = "username=" + user + "&password=" + user + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        assertThat(location).as("signed in").doesNotContain("error");
        return location;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().header("Accept", "application/json, text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request as the pages send it: with the session's CSRF token in the header /dashboard/data/me names. */
    public HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        JsonNode me = JSON.readTree(get("/dashboard/data/me").body());
        return client.send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).header("Accept", "application/json")
                .header(me.get("csrfHeader").asText(), me.get("csrfToken").asText()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }
}
