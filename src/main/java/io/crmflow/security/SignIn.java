package io.crmflow.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How people and programs prove who they are. Embedded default: Camunda's own users and hashed passwords
 * ({@link CamundaUserSignIn}); {@code keycloak} profile: Keycloak, by OIDC in the browser and JWT bearer tokens for
 * programs ({@link KeycloakSignIn}). {@link SecurityConfiguration} owns everything else about the chains.
 */
interface SignIn {

    /** The 401/403 answers of the API chain. */
    ProblemAuthenticationHandlers problems();

    /** {@code /api}, {@code /engine-rest}, OpenAPI and the actuator: stateless, one request at a time. */
    void api(HttpSecurity http) throws Exception;

    /** The managers' dashboard: a session started by a login. */
    void dashboard(HttpSecurity http) throws Exception;

    /** Camunda's webapps (Tasklist, Cockpit, Admin) and whatever else the last chain serves. */
    void webapps(HttpSecurity http) throws Exception;

    /**
     * Whether Camunda Admin must offer its first-administrator set-up to someone nobody can have signed in as: a new
     * installation with its own users and none of them an administrator yet.
     */
    default boolean awaitsFirstAdministrator() {
        return false;
    }
}
