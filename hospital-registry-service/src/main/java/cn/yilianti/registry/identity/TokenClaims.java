package cn.yilianti.registry.identity;

import cn.yilianti.platform.registry.RoutingRules;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.security.Role;
import cn.yilianti.registry.identity.ApiClient.Kind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the platform's claims in access and ID tokens: {@code sub} (client id of an HIS, username of
 * a user), {@code hospital}, {@code department}, {@code roles} and {@code alliances} (a manager's
 * managed alliances, else the alliances the hospital is an active member of today).
 */
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private final ClientRepository clients;
  private final UserRepository users;
  private final JdbcClient jdbc;

  TokenClaims(ClientRepository clients, UserRepository users, JdbcClient jdbc) {
    this.clients = clients;
    this.users = users;
    this.jdbc = jdbc;
  }

  /** The claims of one principal. */
  record Claims(
      String subject,
      List<String> roles,
      @Nullable String hospital,
      @Nullable String department,
      List<String> alliances) {}

  @Override
  public void customize(JwtEncodingContext context) {
    boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
    boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
    if (!accessToken && !idToken) {
      return;
    }
    Claims claims =
        AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
            ? forClient(context.getRegisteredClient().getClientId())
            : forUser(context.getPrincipal().getName());
    context
        .getClaims()
        .subject(claims.subject())
        .claim(Caller.ROLES, claims.roles())
        .claim(Caller.ALLIANCES, claims.alliances());
    if (claims.hospital() != null) {
      context.getClaims().claim(Caller.HOSPITAL, claims.hospital());
    }
    if (claims.department() != null) {
      context.getClaims().claim(Caller.DEPARTMENT, claims.department());
    }
  }

  Claims forClient(String clientId) {
    ApiClient client = clients.find(clientId).orElseThrow(() -> refused("unknown client"));
    if (client.revoked()) {
      throw refused("client revoked");
    }
    if (client.kind() == Kind.PERSONAL && client.username() != null) {
      return forUser(client.username());
    }
    String hospital = client.hospitalCode();
    return new Claims(
        clientId, List.of(Role.HIS_CLIENT.name()), hospital, null, activeAlliances(hospital));
  }

  Claims forUser(String username) {
    User user = users.find(username).orElseThrow(() -> refused("unknown user"));
    if (!user.enabled()) {
      throw refused("user disabled");
    }
    TreeSet<String> alliances = new TreeSet<>(user.alliances());
    alliances.addAll(activeAlliances(user.hospitalCode()));
    return new Claims(
        username,
        user.roles().stream().map(Enum::name).toList(),
        user.hospitalCode(),
        user.department(),
        new ArrayList<>(alliances));
  }

  private List<String> activeAlliances(@Nullable String hospital) {
    if (hospital == null) {
      return List.of();
    }
    return jdbc.sql(
            """
            select alliance_code from membership
             where hospital_code = :h and joined_on <= :today
               and (left_on is null or left_on > :today)
             order by alliance_code
            """)
        .param("h", hospital)
        .param("today", LocalDate.now(RoutingRules.ALLIANCE_ZONE))
        .query(String.class)
        .list();
  }

  private static OAuth2AuthenticationException refused(String why) {
    return new OAuth2AuthenticationException(
        new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, why, null));
  }
}
