package io.crmflow.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * HTTP Basic against Camunda's identity service, so the API, the REST engine and the webapps share one user store
 * (the same users and hashed passwords Camunda Admin manages). Granted authorities are the user's Camunda groups.
 * Successful checks are remembered for a few seconds ({@link CheckedCredentials}).
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final CheckedCredentials checked;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, CheckedCredentials checked) {
        this.identityService = identityService;
        this.checked = checked;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw wrong();
        }
        String password = credentials.toString();
        List<String> groups = checked.groups(userId, password, () -> identityService.checkPassword(userId, password)
                ? identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList()
                : null);
        if (groups == null) {
            throw wrong();
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups.stream().map(SimpleGrantedAuthority::new).toList());
    }

    private static BadCredentialsException wrong() {
        return new BadCredentialsException("Wrong user name or password");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
