package io.crmflow.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * {@code keycloak} profile: Keycloak is crmflow's identity store. Camunda reads users and groups from it through the
 * community identity plugin (read-only: people and group memberships are kept in Keycloak, not in Camunda Admin),
 * Spring Security checks tokens and runs the OIDC login ({@link KeycloakSignIn}).
 * <p>
 * Spring Security's Keycloak endpoints are configured here rather than discovered from the issuer, so only the identity
 * plugin needs Keycloak at start (it asks for a token while the engine is built).
 */
@Configuration
@Profile("keycloak")
@EnableConfigurationProperties(KeycloakProperties.class)
class KeycloakConfiguration {

    @Bean
    KeycloakIdentityProviderPlugin keycloakIdentityProvider(KeycloakProperties keycloak) {
        KeycloakIdentityProviderPlugin plugin = new KeycloakIdentityProviderPlugin();
        plugin.setKeycloakIssuerUrl(keycloak.backchannelRealmUrl());
        plugin.setKeycloakAdminUrl(keycloak.adminRealmUrl());
        plugin.setClientId(keycloak.identityClientId());
        plugin.setClientSecret(keycloak.identityClientSecret());
        // Camunda user ids are Keycloak user names (alice), group ids the top-level group names (sales-rep): the ids
        // crmflow's tables, rules and authorizations use, and the values of the tokens' claims.
        plugin.setUseUsernameAsCamundaUserId(true);
        plugin.setUseGroupPathAsCamundaGroupId(true);
        plugin.setAdministratorGroupName(CrmflowGroup.CAMUNDA_ADMIN.id());
        // Tasklist and the assignment rules ask for the same few users and groups again and again.
        plugin.setCacheEnabled(true);
        plugin.setMaxCacheSize(1000);
        plugin.setCacheExpirationTimeoutMin(5);
        return plugin;
    }

    /**
     * Access tokens of the realm, signed with its current keys, not expired, and meant for crmflow ({@code aud});
     * those accepted a moment ago are remembered for {@code crmflow.security.bearer-cache-ttl} ({@link RememberedAccessTokens}).
     */
    @Bean
    JwtDecoder keycloakAccessTokens(KeycloakProperties keycloak, @Value("${crmflow.security.bearer-cache-ttl}") Duration rememberFor) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.backchannelRealmUrl() + "/protocol/openid-connect/certs").build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(keycloak.clockSkew()),
                new JwtIssuerValidator(keycloak.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, audience -> audience != null && audience.contains(keycloak.audience()))));
        return RememberedAccessTokens.remembering(decoder, rememberFor, Clock.systemUTC());
    }

    @Bean
    ClientRegistrationRepository keycloakClient(KeycloakProperties keycloak) {
        String browserFacing = keycloak.issuer() + "/protocol/openid-connect";
        String serverFacing = keycloak.backchannelRealmUrl() + "/protocol/openid-connect";
        ClientRegistration webapps = ClientRegistration.withRegistrationId(KeycloakSignIn.REGISTRATION_ID)
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri(browserFacing + "/auth")
                .tokenUri(serverFacing + "/token")
                .jwkSetUri(serverFacing + "/certs")
                .userInfoUri(serverFacing + "/userinfo")
                .userNameAttributeName(KeycloakSignIn.USER_NAME_CLAIM)
                .issuerUri(keycloak.issuer())
                .providerConfigurationMetadata(Map.of("issuer", keycloak.issuer(), "end_session_endpoint", browserFacing + "/logout"))
                .build();
        return new InMemoryClientRegistrationRepository(webapps);
    }
}
