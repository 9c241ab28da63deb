package io.crmflow.security;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * {@code keycloak} profile: people log in at Keycloak (OIDC authorization code flow) for the webapps and the
 * dashboard; programs send a Keycloak access token ({@code Authorization: Bearer …}) to {@code /api} and
 * {@code /engine-rest}. Either way the user id is Keycloak's user name and the groups are the {@code groups} claim,
 * which the realm's group mapper fills with the docs/product.md §2 group names.
 */
@Component
@Profile("keycloak")
class KeycloakSignIn implements SignIn {

    static final String REGISTRATION_ID = "keycloak";
    static final String GROUPS_CLAIM = "groups";
    static final String USER_NAME_CLAIM = "preferred_username";
    private static final String LOGIN = "/oauth2/authorization/" + REGISTRATION_ID;

    private final ProblemAuthenticationHandlers problems;
    private final JwtDecoder accessTokens;
    private final ClientRegistrationRepository registrations;

    KeycloakSignIn(ObjectMapper json, JwtDecoder accessTokens, ClientRegistrationRepository registrations) {
        this.problems = new ProblemAuthenticationHandlers(json, "Bearer",
                "Authentication required: send a valid Keycloak access token of the crmflow realm (Authorization: Bearer …)");
        this.accessTokens = accessTokens;
        this.registrations = registrations;
    }

    @Override
    public ProblemAuthenticationHandlers problems() {
        return problems;
    }

    @Override
    public void api(HttpSecurity http) throws Exception {
        JwtGrantedAuthoritiesConverter groups = new JwtGrantedAuthoritiesConverter();
        groups.setAuthoritiesClaimName(GROUPS_CLAIM);
        groups.setAuthorityPrefix("");
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setJwtGrantedAuthoritiesConverter(groups);
        tokens.setPrincipalClaimName(USER_NAME_CLAIM);
        http.oauth2ResourceServer(resourceServer -> resourceServer.authenticationEntryPoint(problems)
                .bearerTokenResolver(new BearerTokenInHeader())
                .jwt(jwt -> jwt.decoder(accessTokens).jwtAuthenticationConverter(tokens)));
    }

    @Override
    public void dashboard(HttpSecurity http) throws Exception {
        http.exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN)))
                .logout(logout -> logout.logoutSuccessHandler(keycloakLogout("{baseUrl}/dashboard")));
    }

    /**
     * The webapps need a login; Camunda's own login form is never reached because {@link SpringSessionWebappAuthenticationProvider}
     * hands it the OIDC user. The OIDC redirect endpoints live in this chain as it is the one that matches them.
     */
    @Override
    public void webapps(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(SecurityConfiguration.paths("/camunda/**")).authenticated()
                        .anyRequest().permitAll())
                // An expired session must not answer the webapps' XHR calls with Keycloak's login page.
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        SecurityConfiguration.paths("/camunda/api/**")))
                .oauth2Login(login -> login.loginPage(LOGIN)
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(KeycloakSignIn::groupsOfIdToken)))
                .logout(logout -> logout.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/camunda/logout"))
                        .logoutSuccessHandler(keycloakLogout("{baseUrl}/camunda/app/")));
    }

    /** The user's crmflow groups, and nothing else, as the authorities of an OIDC login. */
    static Collection<GrantedAuthority> groupsOfIdToken(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().filter(OidcUserAuthority.class::isInstance).map(OidcUserAuthority.class::cast)
                .map(authority -> authority.getIdToken().getClaimAsStringList(GROUPS_CLAIM)).filter(Objects::nonNull)
                .flatMap(List::stream).distinct().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    /** Ends the Keycloak session too (RP-initiated logout), or the next visit would log straight back in. */
    private OidcClientInitiatedLogoutSuccessHandler keycloakLogout(String returnTo) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri(returnTo);
        return handler;
    }
}
