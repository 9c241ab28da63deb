package io.crmflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * crmflow's one sign-in page in the embedded default (under {@code keycloak} people sign in at Keycloak): styled like the
 * other pages, Chinese or English, in front of the home page, the dashboard, the customer and rules pages and Camunda's
 * webapps. Spring Security checks what it posts to {@code /login}; the page only needs the session's CSRF token, which
 * is filled in here so that the form works without scripts too. Its texts and messages come from {@code /signin/signin.js}.
 */
@Controller
@Hidden
@Profile("!keycloak")
class SignInPage {

    static final String PATH = "/login";
    /** Where every sign-out ends, from crmflow's pages and from Camunda's webapps alike. */
    static final String SIGNED_OUT = PATH + "?logout";

    private final String template;

    SignInPage() throws IOException {
        this.template = new ClassPathResource("pages/sign-in.html").getContentAsString(StandardCharsets.UTF_8);
    }

    @GetMapping(PATH)
    ResponseEntity<String> page(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String html = template.replace("{{csrfParameter}}", HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{{csrfToken}}", HtmlUtils.htmlEscape(csrf.getToken()));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).cacheControl(CacheControl.noStore()).body(html);
    }
}
