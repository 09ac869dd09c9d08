package cn.yilianti.registry.identity;

import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The public client staff log in with from a browser (Swagger UI): authorization code with PKCE, no
 * secret. Registered (or its redirect URIs updated) at every start.
 */
@Component
class ConsoleClient implements ApplicationRunner {

  static final String CLIENT_ID = "registry-console";

  private final RegisteredClientRepository registered;
  private final IdentityProperties properties;

  ConsoleClient(RegisteredClientRepository registered, IdentityProperties properties) {
    this.registered = registered;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    RegisteredClient existing = registered.findByClientId(CLIENT_ID);
    RegisteredClient.Builder client =
        existing != null
            ? RegisteredClient.from(existing).redirectUris(uris -> uris.clear())
            : RegisteredClient.withId(UUID.randomUUID().toString()).clientId(CLIENT_ID);
    client
        .clientName("Registry console (Swagger UI)")
        .clientAuthenticationMethods(m -> m.clear())
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantTypes(g -> g.clear())
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .scopes(s -> s.clear())
        .scope(OidcScopes.OPENID)
        .scope(OidcScopes.PROFILE)
        .clientSettings(
            ClientSettings.builder()
                .requireProofKey(true)
                .requireAuthorizationConsent(false)
                .build())
        .tokenSettings(
            TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build());
    properties.consoleRedirectUris().forEach(client::redirectUri);
    if (!properties.consoleRedirectUris().isEmpty()) {
      registered.save(client.build());
    }
  }
}
