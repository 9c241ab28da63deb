package io.crmflow.security;

import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three chains; how a caller signs in to each is the {@link SignIn} of the active profile. The API, the REST engine,
 * OpenAPI and the actuator: stateless, everything but health needs a user. The dashboard: a session, CSRF protection
 * and a strict content security policy. The Camunda webapps: they run their own session and CSRF protection, which the
 * last chain leaves to them.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, SignIn signIn, IdentityService identityService, ObjectMapper json) throws Exception {
        ProblemAuthenticationHandlers problems = signIn.problems();
        // Path matchers independent of Spring MVC: /engine-rest is served by Camunda's Jersey servlet, which MVC matchers miss.
        http.securityMatcher(paths("/api/**", "/engine-rest/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
                .addFilterAfter(new EngineRestQueryBodyFilter(json), EngineAuthenticationFilter.class);
        signIn.api(http);
        return http.build();
    }

    /**
     * No Micrometer observation per security filter, authentication and authorization: nothing reads Spring Security's
     * own {@code spring.security.*} metrics and spans (requests stay timed by {@code http.server.requests}), and the
     * wrapping of every filter of every request was a visible share of a trivial request's CPU (JFR, bench/auth.sh).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Used by Spring Security's firewall, in front of both chains. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(SignIn signIn) {
        return signIn.problems();
    }

    static RequestMatcher paths(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(patterns).map(pattern -> (RequestMatcher) builder.matcher(pattern)).toList());
    }

    /**
     * The pages of this application, the home page with the person's inbox, the managers' dashboard, the outbox page, the rules workbench and the customer pages: a session, like the webapps, for
     * the same users; their data comes from {@code /dashboard/data/**}, {@code /rules/data/**} and {@code /customers/data/**} under the same
     * session. CSRF protection stays on (log-in, log-out and the workbench's changes post).
     */
    @Bean
    @Order(2)
    SecurityFilterChain dashboardChain(HttpSecurity http, SignIn signIn) throws Exception {
        http.securityMatcher(paths("/", "/home", "/home/**", "/notifications", "/notifications/**", "/dashboard", "/dashboard/**", "/rules", "/rules/**",
                        "/customers", "/customers/**", "/login", "/logout"))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")));
        signIn.dashboard(http);
        return http.build();
    }

    /**
     * Hands the person signed in to crmflow (sign-in page or Keycloak) to Camunda's webapps; runs after Spring Security's
     * filters, which establish that person from the session.
     */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn(SignIn signIn) {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(new SignedInWebapps(signIn));
        registration.setInitParameters(Map.of("authentication-provider", SpringSessionWebappAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(101);
        return registration;
    }

    @Bean
    @Order(3)
    SecurityFilterChain webappChain(HttpSecurity http, SignIn signIn) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        signIn.webapps(http);
        return http.build();
    }
}
