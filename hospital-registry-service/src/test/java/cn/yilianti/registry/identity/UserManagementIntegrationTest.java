package cn.yilianti.registry.identity;

import static cn.yilianti.registry.RegistryFixtures.alliance;
import static cn.yilianti.registry.RegistryFixtures.hospital;
import static cn.yilianti.registry.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.registry.TestIdentities;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.RealInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Managers create staff accounts for their hospitals; the password is shown once, hashed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(trustTestTokens = false)
class UserManagementIntegrationTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  private TestIdentities identities;
  private ApiClient manager;
  private String alliance;
  private String hospital;

  @BeforeEach
  void hospitalAndManager() {
    identities = new TestIdentities(context, port);
    alliance = unique("A");
    identities.api(identities.managerToken()).post("/api/v1/alliances", alliance(alliance));
    manager = identities.api(identities.managerToken(alliance));
    hospital = unique("H");
    manager.post("/api/v1/hospitals", hospital(hospital, "TERTIARY_A", null, alliance));
  }

  @Test
  void coordinatorAccountGetsAPersonalClientWhoseTokenSaysWhoTheyAre() {
    String username = "coord-" + unique("u").toLowerCase();
    ApiClient.Response created =
        manager.post(
            "/api/v1/users",
            Map.of(
                "username",
                username,
                "roles",
                List.of("COORDINATOR"),
                "hospitalCode",
                hospital,
                "department",
                "CARDIOLOGY"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("password").asString()).hasSizeGreaterThanOrEqualTo(40);

    ApiClient.Response client = manager.post("/api/v1/users/" + username + "/clients", "");
    assertThat(client.status()).as(client.body()).isEqualTo(201);
    ApiClient coordinator =
        identities.api(
            identities
                .token(
                    client.json().get("clientId").asString(),
                    client.json().get("clientSecret").asString())
                .json()
                .get("access_token")
                .asString());

    JsonNode me = coordinator.get("/api/v1/me").json();
    assertThat(me.get("subject").asString()).isEqualTo(username);
    assertThat(me.get("hospital").asString()).isEqualTo(hospital);
    assertThat(me.get("department").asString()).isEqualTo("CARDIOLOGY");
    assertThat(me.get("alliances").get(0).asString()).isEqualTo(alliance);
    assertThat(manager.get("/api/v1/users/" + username).body()).doesNotContain("password");
  }

  @Test
  void accountRulesAreNamed() {
    assertThat(
            errors(
                manager.post(
                    "/api/v1/users",
                    Map.of(
                        "username",
                        "x-" + unique("u").toLowerCase(),
                        "roles",
                        List.of("HIS_CLIENT")))))
        .containsExactly("roles:not-a-user-role");
    assertThat(
            errors(
                manager.post(
                    "/api/v1/users",
                    Map.of(
                        "username",
                        "x-" + unique("u").toLowerCase(),
                        "roles",
                        List.of("COORDINATOR")))))
        .containsExactly("hospitalCode:required");
    assertThat(
            errors(
                manager.post(
                    "/api/v1/users",
                    Map.of(
                        "username", "Bad Name",
                        "roles", List.of("OPS"),
                        "password", "short"))))
        .containsExactlyInAnyOrder("username:Pattern", "password:Size");
    assertThat(
            errors(
                manager.post(
                    "/api/v1/users",
                    Map.of(
                        "username", "x-" + unique("u").toLowerCase(),
                        "roles", List.of("ALLIANCE_MANAGER"),
                        "alliances", List.of("NO-SUCH")))))
        .containsExactly("alliances[0]:unknown-alliance");
  }

  @Test
  void duplicateUsernameIsAConflictAndOthersAccountsAreNotYours() {
    String username = "ops-" + unique("u").toLowerCase();
    Map<String, Object> body = Map.of("username", username, "roles", List.of("OPS"));
    assertThat(manager.post("/api/v1/users", body).status()).isEqualTo(201);
    assertThat(manager.post("/api/v1/users", body).status()).isEqualTo(409);

    ApiClient otherManager = identities.api(identities.managerToken());
    Map<String, Object> coordinator =
        Map.of(
            "username",
            "c-" + unique("u").toLowerCase(),
            "roles",
            List.of("COORDINATOR"),
            "hospitalCode",
            hospital);
    assertThat(otherManager.post("/api/v1/users", coordinator).status()).isEqualTo(403);
    assertThat(manager.get("/api/v1/users/nobody-here").status()).isEqualTo(404);
  }

  @Test
  void initialManagerIsCreatedOnceAndCanFoundAnAlliance() {
    String username = "first-" + unique("m").toLowerCase();
    InitialManager initial = new InitialManager(context.getBean(Users.class), username);

    initial.run(null);
    initial.run(null);

    User user = context.getBean(Users.class).findOptional(username).orElseThrow();
    assertThat(user.roles()).containsExactly(cn.yilianti.platform.security.Role.ALLIANCE_MANAGER);
    assertThat(context.getBean(Clients.class).ofUser(username)).hasSize(1);
  }

  private static List<String> errors(ApiClient.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    List<String> errors = new ArrayList<>();
    for (JsonNode e : response.json().get("errors")) {
      errors.add(e.get("field").asString() + ":" + e.get("rule").asString());
    }
    return errors;
  }
}
