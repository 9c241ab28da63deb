package io.crmflow.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak is and how crmflow is known to it ({@code application-keycloak.yaml}, realm
 * {@code deploy/keycloak/crmflow-realm.json}).
 *
 * @param url              Keycloak as browsers reach it; tokens name it as their issuer
 * @param backchannelUrl   Keycloak as this server reaches it (inside a compose network, say); {@code url} if not set
 * @param realm            the realm holding crmflow's people and groups
 * @param clientId         the confidential client the webapps and the dashboard log in with
 * @param clientSecret     its secret
 * @param identityClientId the service-account client Camunda's identity plugin reads users and groups with
 * @param identityClientSecret its secret
 * @param audience         what a bearer token must name in {@code aud} to be accepted by {@code /api} and {@code /engine-rest}
 * @param clockSkew        how far token expiry may be off between Keycloak's clock and this server's
 */
@ConfigurationProperties("crmflow.keycloak")
record KeycloakProperties(URI url, URI backchannelUrl, String realm, String clientId, String clientSecret,
                          String identityClientId, String identityClientSecret, String audience, Duration clockSkew) {

    /** The {@code iss} of the realm's tokens. */
    String issuer() {
        return realmUrl(url);
    }

    /** The realm's URL for calls from this server. */
    String backchannelRealmUrl() {
        return realmUrl(backchannel());
    }

    /** The realm's admin REST API, which the identity plugin reads. */
    String adminRealmUrl() {
        return trimmed(backchannel()) + "/admin/realms/" + realm;
    }

    private URI backchannel() {
        return backchannelUrl == null ? url : backchannelUrl;
    }

    private String realmUrl(URI base) {
        return trimmed(base) + "/realms/" + realm;
    }

    private static String trimmed(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
