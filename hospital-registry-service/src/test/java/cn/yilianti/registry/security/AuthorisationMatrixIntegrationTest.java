package cn.yilianti.registry.security;

import static cn.yilianti.registry.RegistryFixtures.alliance;
import static cn.yilianti.registry.RegistryFixtures.hospital;
import static cn.yilianti.registry.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.registry.TestIdentities;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.RealInfrastructure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Only alliance managers change the registry, and only in their alliances; an HIS client reads its
 * own hospital and its routes, nothing else; staff read; no token is 401, a wrong one 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(trustTestTokens = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixIntegrationTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  private final Map<String, ApiClient> callers = new LinkedHashMap<>();
  private String alliance;
  private String core;
  private String county;
  private String target;

  /** Made once: the tests only read, or change {@code target}. */
  @BeforeAll
  void registryAndCallers() {
    TestIdentities identities = new TestIdentities(context, port);
    alliance = unique("A");
    String otherAlliance = unique("B");
    ApiClient founder = identities.api(identities.managerToken());
    founder.post("/api/v1/alliances", alliance(alliance));
    founder.post("/api/v1/alliances", alliance(otherAlliance));
    ApiClient manager = identities.api(identities.managerToken(alliance));
    core = unique("CORE");
    county = unique("COUNTY");
    manager.post("/api/v1/hospitals", hospital(core, "TERTIARY_A", null, alliance));
    manager.post("/api/v1/hospitals", hospital(county, "SECONDARY_A", core, alliance));
    target = unique("TARGET");
    manager.post("/api/v1/hospitals", hospital(target, "SECONDARY_A", core, alliance));

    callers.put("anonymous", ApiClient.localhost(port));
    callers.put("his", identities.api(identities.hisToken(county)));
    callers.put("coordinator", identities.api(identities.coordinatorToken(core)));
    callers.put("ops", identities.api(identities.opsToken()));
    callers.put("otherManager", identities.api(identities.managerToken(otherAlliance)));
    callers.put("manager", manager);
  }

  @Test
  void readingHospitals() {
    expect(api -> api.get("/api/v1/hospitals/" + county), 401, 200, 200, 200, 200, 200);
    expect(api -> api.get("/api/v1/hospitals/" + core), 401, 403, 200, 200, 200, 200);
    expect(api -> api.get("/api/v1/hospitals?alliance=" + alliance), 401, 403, 200, 200, 200, 200);
    expect(api -> api.get("/api/v1/alliances"), 401, 403, 200, 200, 200, 200);
    expect(
        api -> api.get("/api/v1/hospitals/" + county + "/history"), 401, 403, 403, 200, 200, 200);
  }

  @Test
  void readingRoutes() {
    expect(api -> api.get("/api/v1/routing/" + county), 401, 200, 200, 200, 200, 200);
    expect(api -> api.get("/api/v1/routing/" + core), 401, 403, 200, 200, 200, 200);
    expect(
        api -> api.get("/api/v1/routing/check?from=" + county + "&to=" + core + "&direction=UP"),
        401,
        200,
        200,
        200,
        200,
        200);
    expect(
        api -> api.get("/api/v1/routing/check?from=" + core + "&to=" + county + "&direction=DOWN"),
        401,
        403,
        200,
        200,
        200,
        200);
  }

  @Test
  void anHisClientSeesWhatRoutingNeedsButNoContacts() {
    ApiClient.Response routes = callers.get("his").get("/api/v1/routing/" + county);

    assertThat(routes.json().at("/upward/0/code").asString()).isEqualTo(core);
    assertThat(routes.body()).doesNotContain("coordinators", "endpoints", "referral@h.example.cn");
  }

  @Test
  void changingTheRegistry() {
    Map<String, Object> update = hospital(target, "SECONDARY_A", core, alliance);
    expect(
        api -> api.put("/api/v1/hospitals/" + target, update, "If-Match", "*"),
        401,
        403,
        403,
        403,
        403,
        200);
    expect(
        api ->
            api.post("/api/v1/hospitals", hospital(unique("NEW"), "SECONDARY_A", core, alliance)),
        401,
        403,
        403,
        403,
        403,
        201);
    expect(
        api -> api.post("/api/v1/hospitals/" + target + "/suspend", "", "If-Match", "*"),
        401,
        403,
        403,
        403,
        403,
        200);
    expect(
        api -> api.post("/api/v1/hospitals/" + target + "/clients", ""),
        401,
        403,
        403,
        403,
        403,
        201);
    expect(
        api ->
            api.post(
                "/api/v1/users",
                Map.of(
                    "username",
                    "coord-" + unique("u").toLowerCase(),
                    "roles",
                    List.of("COORDINATOR"),
                    "hospitalCode",
                    target)),
        401,
        403,
        403,
        403,
        403,
        201);
  }

  @Test
  void aManagerCannotMoveAHospitalIntoAnAllianceTheyDoNotManage() {
    String foreign = unique("F");
    callers.get("manager").post("/api/v1/alliances", alliance(foreign));
    Map<String, Object> body = hospital(target, "SECONDARY_A", core, alliance);
    body.put(
        "memberships",
        List.of(
            Map.of("allianceCode", alliance, "role", "TIGHT", "joinedOn", "2021-04-01"),
            Map.of("allianceCode", foreign, "role", "LOOSE", "joinedOn", "2024-01-01")));

    // The founder of a new alliance manages it only from their next token on.
    assertThat(
            callers
                .get("manager")
                .put("/api/v1/hospitals/" + target, body, "If-Match", "*")
                .status())
        .isEqualTo(403);
  }

  @Test
  void operationalEndpoints() {
    expect(api -> api.get("/actuator/health"), 200, 200, 200, 200, 200, 200);
    expect(api -> api.get("/actuator/metrics"), 401, 403, 403, 200, 403, 403);
  }

  @Test
  void invalidTokenIsA401Problem() {
    ApiClient.Response response =
        ApiClient.localhost(port)
            .withHeader("Authorization", "Bearer not.a.token")
            .get("/api/v1/hospitals/" + county);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void forbiddenIsA403Problem() {
    ApiClient.Response response = callers.get("his").get("/api/v1/hospitals/" + core);

    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("type").asString()).isEqualTo("urn:yilianti:problem:forbidden");
  }

  /** Expected statuses for anonymous, his, coordinator, ops, otherManager, manager. */
  private void expect(Function<ApiClient, ApiClient.Response> call, int... statuses) {
    int i = 0;
    for (Map.Entry<String, ApiClient> caller : callers.entrySet()) {
      ApiClient.Response response = call.apply(caller.getValue());
      assertThat(response.status())
          .as(caller.getKey() + ": " + response.body())
          .isEqualTo(statuses[i++]);
    }
  }
}
