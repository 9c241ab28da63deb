package io.crmflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/**
 * The embedded default: the users Camunda Admin manages. HTTP Basic for programs, a login form for the dashboard;
 * the webapps run their own login against the same users.
 */
@Component
@Profile("!keycloak")
class CamundaUserSignIn implements SignIn {

    private final IdentityService identityService;
    private final ProblemAuthenticationHandlers problems;

    CamundaUserSignIn(IdentityService identityService, ObjectMapper json) {
        this.identityService = identityService;
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
                .formLogin(form -> form.defaultSuccessUrl("/dashboard", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
    }

    @Override
    public void webapps(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    }

    private ProviderManager camundaUsers() {
        return new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService));
    }
}
