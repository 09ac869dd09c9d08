package cn.yilianti.registry.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Authenticates clients by secret against the registry's own records instead of the single secret
 * of a registered client: any current secret works (a rotated-out one until its grace period ends),
 * a revoked client never does.
 */
class ClientSecretCheck implements AuthenticationProvider {

  private final RegisteredClientRepository registered;
  private final Clients clients;

  ClientSecretCheck(RegisteredClientRepository registered, Clients clients) {
    this.registered = registered;
    this.clients = clients;
  }

  @Override
  public @Nullable Authentication authenticate(Authentication authentication) {
    OAuth2ClientAuthenticationToken token = (OAuth2ClientAuthenticationToken) authentication;
    ClientAuthenticationMethod method = token.getClientAuthenticationMethod();
    if (!ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method)
        && !ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(method)) {
      return null;
    }
    String clientId = token.getPrincipal().toString();
    RegisteredClient client = registered.findByClientId(clientId);
    if (client == null
        || !(token.getCredentials() instanceof String secret)
        || !clients.authenticates(clientId, secret)) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(
              OAuth2ErrorCodes.INVALID_CLIENT,
              "Client authentication failed: unknown or revoked client, or wrong secret",
              null));
    }
    return new OAuth2ClientAuthenticationToken(client, method, token.getCredentials());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
