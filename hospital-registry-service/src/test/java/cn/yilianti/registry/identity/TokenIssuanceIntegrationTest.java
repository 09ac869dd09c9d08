package cn.yilianti.registry.identity;

import static cn.yilianti.registry.RegistryFixtures.alliance;
import static cn.yilianti.registry.RegistryFixtures.hospital;
import static cn.yilianti.registry.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.platform.security.Role;
import cn.yilianti.registry.TestIdentities;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.RealInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Client-credentials tokens, their claims, secret rotation and revocation, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(trustTestTokens = false)
class TokenIssuanceIntegrationTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  private TestIdentities identities;
  private ApiClient manager;
  private String alliance;
  private String hospital;

  @BeforeEach
  void hospitalOfAnAlliance() {
    identities = new TestIdentities(context, port);
    alliance = unique("ALLIANCE");
    identities.api(identities.managerToken()).post("/api/v1/alliances", alliance(alliance));
    manager = identities.api(identities.managerToken(alliance));
    hospital = unique("H");
    manager.post("/api/v1/hospitals", hospital(hospital, "SECONDARY_A", null, alliance));
  }

  @Test
  void hisClientGetsAShortLivedTokenNamingItsHospitalRoleAndAlliances() {
    IssuedSecret client = register();

    assertThat(client.clientId()).startsWith("his-" + hospital.toLowerCase());
    assertThat(client.tokenEndpoint()).isEqualTo("http://127.0.0.1:8082/oauth2/token");
    ApiClient.Response response = identities.token(client.clientId(), client.clientSecret());
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("token_type").asString()).isEqualTo("Bearer");
    assertThat(response.json().get("expires_in").asLong()).isBetween(295L, 300L);
    JsonNode claims = TestIdentities.claims(response.json().get("access_token").asString());
    assertThat(claims.get("iss").asString()).isEqualTo("http://127.0.0.1:8082");
    assertThat(claims.get("sub").asString()).isEqualTo(client.clientId());
    assertThat(claims.get("hospital").asString()).isEqualTo(hospital);
    assertThat(claims.get("roles").get(0).asString()).isEqualTo("HIS_CLIENT");
    assertThat(claims.get("alliances").get(0).asString()).isEqualTo(alliance);
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
  }

  @Test
  void secretIsStoredOnlyAsABcryptHash() {
    IssuedSecret client = register();

    List<String> stored =
        jdbc.sql("select secret_hash from client_secret where client_id = :id")
            .param("id", client.clientId())
            .query(String.class)
            .list();
    assertThat(stored).hasSize(1);
    assertThat(stored.getFirst()).startsWith("{bcrypt}$2").doesNotContain(client.clientSecret());
    assertThat(manager.get("/api/v1/clients/" + client.clientId()).body())
        .doesNotContain(client.clientSecret())
        .doesNotContain("$2");
  }

  @Test
  void wrongSecretAndUnknownClientAreRefused() {
    IssuedSecret client = register();

    ApiClient.Response wrong = identities.token(client.clientId(), "not-the-secret");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().get("error").asString()).isEqualTo("invalid_client");
    assertThat(identities.token("his-nobody", "whatever").status()).isEqualTo(401);
  }

  @Test
  void rotatedSecretKeepsTheOldOneValidForTheGracePeriod() {
    IssuedSecret first = register();

    ApiClient.Response rotated =
        manager.post(
            "/api/v1/clients/" + first.clientId() + "/rotate-secret",
            Map.of("gracePeriod", "PT1H"));

    assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
    String second = rotated.json().get("clientSecret").asString();
    assertThat(second).isNotEqualTo(first.clientSecret());
    assertThat(rotated.json().get("previousValidUntil").asString()).isNotBlank();
    assertThat(identities.token(first.clientId(), second).status()).isEqualTo(200);
    assertThat(identities.token(first.clientId(), first.clientSecret()).status()).isEqualTo(200);
  }

  @Test
  void rotationWithoutGraceStopsTheOldSecretAtOnce() {
    IssuedSecret first = register();

    String second =
        manager
            .post(
                "/api/v1/clients/" + first.clientId() + "/rotate-secret",
                Map.of("gracePeriod", "PT0S"))
            .json()
            .get("clientSecret")
            .asString();

    assertThat(identities.token(first.clientId(), first.clientSecret()).status()).isEqualTo(401);
    assertThat(identities.token(first.clientId(), second).status()).isEqualTo(200);
  }

  @Test
  void revokedClientIsRefusedAtTheTokenEndpoint() {
    IssuedSecret client = register();
    assertThat(identities.token(client.clientId(), client.clientSecret()).status()).isEqualTo(200);

    ApiClient.Response revoked =
        manager.post("/api/v1/clients/" + client.clientId() + "/revoke", "");

    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    assertThat(revoked.json().get("revokedAt").asString()).isNotBlank();
    assertThat(revoked.json().get("activeSecrets").asInt()).isZero();
    assertThat(identities.token(client.clientId(), client.clientSecret()).status()).isEqualTo(401);
    assertThat(manager.post("/api/v1/clients/" + client.clientId() + "/rotate-secret", "").status())
        .isEqualTo(409);
  }

  @Test
  void removingAHospitalRevokesItsClients() {
    IssuedSecret client = register();

    manager.delete("/api/v1/hospitals/" + hospital, "If-Match", "*");

    assertThat(identities.token(client.clientId(), client.clientSecret()).status()).isEqualTo(401);
  }

  @Test
  void personalClientCarriesTheUsersIdentity() {
    IssuedSecret client = identities.userClient(Set.of(Role.COORDINATOR), hospital, List.of());

    JsonNode claims = TestIdentities.claims(identities.accessToken(client));

    assertThat(claims.get("sub").asString()).isEqualTo(client.username());
    assertThat(claims.get("roles").get(0).asString()).isEqualTo("COORDINATOR");
    assertThat(claims.get("hospital").asString()).isEqualTo(hospital);
    assertThat(claims.get("alliances").get(0).asString()).isEqualTo(alliance);
  }

  @Test
  void disabledUsersPersonalClientIsRefused() {
    IssuedSecret client = identities.userClient(Set.of(Role.OPS), null, List.of());

    assertThat(manager.post("/api/v1/users/" + client.username() + "/disable", "").status())
        .isEqualTo(200);

    assertThat(identities.token(client.clientId(), client.clientSecret()).status()).isEqualTo(401);
  }

  @Test
  void issuerPublishesItsDiscoveryDocumentAndKeys() {
    ApiClient anonymous = ApiClient.localhost(port);
    JsonNode discovery = anonymous.get("/.well-known/openid-configuration").json();
    assertThat(discovery.get("issuer").asString()).isEqualTo("http://127.0.0.1:8082");
    assertThat(discovery.get("token_endpoint").asString())
        .isEqualTo("http://127.0.0.1:8082/oauth2/token");
    JsonNode keys = anonymous.get("/oauth2/jwks").json();
    assertThat(keys.at("/keys/0/kty").asString()).isEqualTo("RSA");
    assertThat(keys.at("/keys/0/d").isMissingNode()).isTrue();
  }

  private IssuedSecret register() {
    ApiClient.Response response = manager.post("/api/v1/hospitals/" + hospital + "/clients", "");
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode json = response.json();
    return new IssuedSecret(
        json.get("clientId").asString(),
        json.get("clientSecret").asString(),
        json.get("tokenEndpoint").asString(),
        json.get("hospitalCode").asString(),
        null,
        null);
  }
}
