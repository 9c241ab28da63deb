package io.crmflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The embedded default: the users Camunda Admin manages. HTTP Basic for programs; for people one sign-in page
 * ({@link SignInPage}) in front of crmflow's pages and Camunda's webapps alike, which take the signed-in person from
 * the session ({@link SpringSessionWebappAuthenticationProvider}), so nobody signs in twice. Signing out anywhere ends
 * the one session, hence everything.
 */
@Component
@Profile("!keycloak")
class CamundaUserSignIn implements SignIn {

    private final IdentityService identityService;
    private final CheckedCredentials checkedCredentials;
    private final ProblemAuthenticationHandlers problems;
    private volatile boolean administratorSeen;

    CamundaUserSignIn(IdentityService identityService, CheckedCredentials checkedCredentials, ObjectMapper json) {
        this.identityService = identityService;
        this.checkedCredentials = checkedCredentials;
        this.problems = ProblemAuthenticationHandlers.httpBasic(json);
    }

    @Override
    public ProblemAuthenticationHandlers problems() {
        return problems;
    }

    @Override
    public void api(HttpSecurity http) throws Exception {
        http.authenticationManager(camundaUsers()).httpBasic(basic -> basic.authenticationEntryPoint(problems));
    }

    @Override
    public void dashboard(HttpSecurity http) throws Exception {
        http.authenticationManager(camundaUsers())
                .formLogin(form -> form.loginPage(SignInPage.PATH).defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl(SignInPage.SIGNED_OUT).permitAll());
    }

    /**
     * The webapps' pages need the session's person: a stranger is sent to the sign-in page and back. Their REST calls
     * ({@code /camunda/api}) stay with Camunda's own authentication filter, which answers 401 for the apps to handle.
     * Until there is an administrator (a new installation on PostgreSQL), Admin's pages are open, as Camunda offers
     * its first-administrator set-up there and nobody could sign in yet; Camunda's set-up API refuses once one exists.
     */
    @Override
    public void webapps(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(request -> request.getRequestURI().startsWith("/camunda/app/admin/") && awaitsFirstAdministrator()).permitAll()
                        .requestMatchers(SecurityConfiguration.paths("/camunda/app/**")).authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SignInPage.PATH)))
                .logout(logout -> logout.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/camunda/logout"))
                        .logoutSuccessUrl(SignInPage.SIGNED_OUT));
    }

    @Override
    public boolean awaitsFirstAdministrator() {
        // Once there is an administrator there always is one in practice: no need to ask the database again.
        if (administratorSeen) {
            return false;
        }
        administratorSeen = identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
        return !administratorSeen;
    }

    private ProviderManager camundaUsers() {
        return new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService, checkedCredentials));
    }
}
