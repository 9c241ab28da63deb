package io.crmflow.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * Tells Camunda's webapps who logged in through Keycloak, so they skip their own login form: the user of Spring
 * Security's OIDC session, with the groups of the ID token (see {@link KeycloakSignIn#groupsOfIdToken}). Camunda
 * creates it by class name ({@code ContainerBasedAuthenticationFilter}), hence the public no-argument constructor.
 */
public class OidcWebappAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken) || !authentication.isAuthenticated()) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
        result.setTenants(List.of());
        return result;
    }
}
