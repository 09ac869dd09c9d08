package cn.yilianti.registry.identity;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.web.ProblemException;
import cn.yilianti.registry.hospital.Hospital;
import cn.yilianti.registry.hospital.HospitalAccess;
import cn.yilianti.registry.hospital.HospitalRepository;
import cn.yilianti.registry.identity.ApiClient.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Client-credentials clients: an HIS per hospital, or a user's personal client. Secrets are shown
 * once and kept as BCrypt hashes. Rotation adds a secret and lets the old ones work for a grace
 * period (zero: they stop at once); revocation refuses the client at the token endpoint at once,
 * and everywhere once its last token expires (one token lifetime).
 */
@Service
public class Clients {

  private final ClientRepository clients;
  private final RegisteredClientRepository registered;
  private final PasswordEncoder encoder;
  private final IdentityProperties properties;
  private final HospitalRepository hospitals;
  private final JdbcClient jdbc;

  Clients(
      ClientRepository clients,
      RegisteredClientRepository registered,
      PasswordEncoder encoder,
      IdentityProperties properties,
      HospitalRepository hospitals,
      JdbcClient jdbc) {
    this.clients = clients;
    this.registered = registered;
    this.encoder = encoder;
    this.properties = properties;
    this.hospitals = hospitals;
    this.jdbc = jdbc;
  }

  /** Registers an HIS client for the hospital; {@code clientId} defaults to {@code his-<code>}. */
  @Transactional
  public IssuedSecret registerHis(String hospitalCode, @Nullable String clientId, Caller caller) {
    Hospital hospital = hospital(hospitalCode);
    HospitalAccess.requireMayWrite(caller, hospital, null);
    String id = clientId != null ? clientId : freeId("his-" + slug(hospitalCode));
    return register(id, Kind.HIS, hospitalCode, null, "HIS of " + hospitalCode, caller);
  }

  /** Registers a personal client whose tokens carry the user's identity and roles. */
  @Transactional
  IssuedSecret registerPersonal(String username, Caller caller) {
    return register(
        freeId("user-" + slug(username)),
        Kind.PERSONAL,
        null,
        username,
        "Personal client of " + username,
        caller);
  }

  @Transactional
  public IssuedSecret rotate(String clientId, @Nullable Duration gracePeriod, Caller caller) {
    ApiClient client = requireMayManage(clientId, caller);
    if (client.revoked()) {
      throw ProblemException.conflict("revoked", "Client " + clientId + " is revoked");
    }
    Duration grace = gracePeriod == null ? properties.secretGracePeriod() : gracePeriod;
    Instant until = clients.expireSecrets(clientId, grace);
    String secret = Secrets.generate();
    String hash = encoder.encode(secret);
    clients.addSecret(clientId, hash, caller.subject());
    RegisteredClient current = registered.findByClientId(clientId);
    if (current != null) {
      registered.save(RegisteredClient.from(current).clientSecret(hash).build());
    }
    return issued(client, secret, grace.isZero() ? null : until);
  }

  @Transactional
  public ApiClient revoke(String clientId, Caller caller) {
    requireMayManage(clientId, caller);
    revokeNow(clientId, caller.subject());
    return find(clientId);
  }

  /** Revokes without an access check: the hospital or the user it spoke for is gone. */
  @Transactional
  void revokeNow(String clientId, String by) {
    clients.revoke(clientId, by);
    clients.expireSecrets(clientId, Duration.ZERO);
    RegisteredClient current = registered.findByClientId(clientId);
    if (current != null) {
      jdbc.sql("delete from oauth2_authorization where registered_client_id = :id")
          .param("id", current.getId())
          .update();
    }
  }

  @Transactional(readOnly = true)
  public List<ApiClient> ofHospital(String hospitalCode, Caller caller) {
    HospitalAccess.requireMayWrite(caller, hospital(hospitalCode), null);
    return clients.ofHospital(hospitalCode);
  }

  @Transactional(readOnly = true)
  public ApiClient get(String clientId, Caller caller) {
    return requireMayManage(clientId, caller);
  }

  List<ApiClient> ofUser(String username) {
    return clients.ofUser(username);
  }

  /** True when the client exists, is not revoked and one of its current secrets matches. */
  @Transactional(readOnly = true)
  public boolean authenticates(String clientId, String secret) {
    ApiClient client = clients.find(clientId).orElse(null);
    if (client == null || client.revoked()) {
      return false;
    }
    return clients.validSecretHashes(clientId).stream().anyMatch(h -> encoder.matches(secret, h));
  }

  ApiClient find(String clientId) {
    return clients.find(clientId).orElseThrow(() -> ProblemException.notFound("Client", clientId));
  }

  private IssuedSecret register(
      String clientId,
      Kind kind,
      @Nullable String hospital,
      @Nullable String username,
      String name,
      Caller caller) {
    if (clients.find(clientId).isPresent() || registered.findByClientId(clientId) != null) {
      throw ProblemException.conflict("duplicate-client-id", "Client " + clientId + " exists")
          .with("clientId", clientId);
    }
    String secret = Secrets.generate();
    String hash = encoder.encode(secret);
    registered.save(
        RegisteredClient.withId(UUID.randomUUID().toString())
            .clientId(clientId)
            .clientName(name)
            .clientSecret(hash)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
            .tokenSettings(
                TokenSettings.builder()
                    .accessTokenTimeToLive(properties.accessTokenTtl())
                    .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                    .build())
            .build());
    clients.insert(clientId, kind, hospital, username, caller.subject());
    clients.addSecret(clientId, hash, caller.subject());
    return issued(find(clientId), secret, null);
  }

  private ApiClient requireMayManage(String clientId, Caller caller) {
    ApiClient client = find(clientId);
    if (client.kind() == Kind.HIS && client.hospitalCode() != null) {
      Hospital hospital = hospitals.find(client.hospitalCode()).orElse(null);
      HospitalAccess.requireMayWrite(caller, hospital, null);
    } else {
      HospitalAccess.requireMayWrite(caller, null, null);
    }
    return client;
  }

  private IssuedSecret issued(ApiClient client, String secret, @Nullable Instant previousUntil) {
    return new IssuedSecret(
        client.clientId(),
        secret,
        properties.tokenEndpoint(),
        client.hospitalCode(),
        client.username(),
        previousUntil);
  }

  private Hospital hospital(String code) {
    return hospitals.find(code).orElseThrow(() -> ProblemException.notFound("Hospital", code));
  }

  private String freeId(String base) {
    String id = base;
    while (clients.find(id).isPresent() || registered.findByClientId(id) != null) {
      id = base + "-" + Secrets.suffix();
    }
    return id;
  }

  private static String slug(String code) {
    return code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
