package io.crmflow.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells Camunda's webapps who signed in to crmflow, so they skip their own login form: the person of Spring Security's
 * session (crmflow's sign-in page, or Keycloak's OIDC login with the groups of the ID token, see
 * {@link KeycloakSignIn#groupsOfIdToken}), with their groups. Camunda creates it by class name
 * ({@code ContainerBasedAuthenticationFilter}), hence public with a no-argument constructor.
 */
public class SpringSessionWebappAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
        result.setTenants(List.of());
        return result;
    }
}
