package io.crmflow.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The authenticated caller: user id and Camunda groups, whichever way they logged in. */
public record CurrentUser(String userId, Set<String> groups) {

    public static CurrentUser of(Authentication authentication) {
        return new CurrentUser(authentication.getName(),
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isIn(CrmflowGroup group) {
        return groups.contains(group.id());
    }

    public boolean isAdmin() {
        return isIn(CrmflowGroup.CAMUNDA_ADMIN);
    }
}
