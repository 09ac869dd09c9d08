package cn.yilianti.registry.routing;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Routes derived from what the registry holds now: core → county → township, a rehabilitation
 * facility, and a county that does not receive green-channel cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(trustTestTokens = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingEndpointIntegrationTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  private ApiClient manager;
  private String alliance;
  private String core;
  private String county;
  private String town;
  private String rehab;

  @BeforeAll
  void registry() {
    TestIdentities identities = new TestIdentities(context, port);
    alliance = unique("A");
    identities.api(identities.managerToken()).post("/api/v1/alliances", alliance(alliance));
    manager = identities.api(identities.managerToken(alliance));
    core = create(hospital(unique("CORE"), "TERTIARY_A", null, alliance));
    Map<String, Object> countyBody = hospital(unique("COUNTY"), "SECONDARY_A", core, alliance);
    countyBody.put(
        "capabilities",
        Map.of("greenChannel", false, "consultations", List.of("ECG", "ULTRASOUND")));
    county = create(countyBody);
    town = create(hospital(unique("TOWN"), "PRIMARY", county, alliance));
    Map<String, Object> rehabBody = hospital(unique("REHAB"), "SECONDARY_B", core, alliance);
    rehabBody.put("kind", "REHABILITATION_AND_NURSING");
    rehabBody.put("capabilities", Map.of("greenChannel", false, "consultations", List.of()));
    rehab = create(rehabBody);
  }

  @Test
  void routesOfATownshipCentre() {
    JsonNode routes = manager.get("/api/v1/routing/" + town).json();

    assertThat(codes(routes.get("upward"))).containsExactly(core, county, rehab);
    assertThat(codes(routes.get("downward"))).containsExactly(rehab);
    assertThat(codes(routes.get("greenChannel"))).containsExactly(core);
    assertThat(codes(routes.at("/consultations/ECG"))).containsExactly(core, county);
    assertThat(codes(routes.at("/consultations/ULTRASOUND"))).containsExactly(county);
    assertThat(codes(routes.at("/consultations/PATHOLOGY"))).isEmpty();
  }

  @Test
  void routesOfTheCoreGoDownTheWholeHierarchy() {
    JsonNode routes = manager.get("/api/v1/routing/" + core).json();

    assertThat(codes(routes.get("upward"))).isEmpty();
    assertThat(codes(routes.get("downward"))).containsExactly(county, rehab, town);
  }

  @Test
  void checkSaysWhyARouteIsRefused() {
    JsonNode allowed =
        manager
            .get(
                "/api/v1/routing/check?from="
                    + town
                    + "&to="
                    + core
                    + "&direction=UP&priority=GREEN_CHANNEL")
            .json();
    assertThat(allowed.get("allowed").asBoolean()).isTrue();

    JsonNode refused =
        manager
            .get(
                "/api/v1/routing/check?from="
                    + town
                    + "&to="
                    + county
                    + "&direction=UP&priority=GREEN_CHANNEL")
            .json();
    assertThat(refused.get("allowed").asBoolean()).isFalse();
    assertThat(refused.get("field").asString()).isEqualTo("priority");
    assertThat(refused.get("rule").asString()).isEqualTo("no-green-channel");

    JsonNode wrongWay =
        manager
            .get("/api/v1/routing/check?from=" + county + "&to=" + core + "&direction=DOWN")
            .json();
    assertThat(wrongWay.get("rule").asString()).isEqualTo("not-lower-level");
  }

  @Test
  void suspendedHospitalDropsOutOfRoutes() {
    String spare = create(hospital(unique("SPARE"), "SECONDARY_A", core, alliance));
    assertThat(codes(manager.get("/api/v1/routing/" + core).json().get("downward")))
        .contains(spare);

    manager.post("/api/v1/hospitals/" + spare + "/suspend", "", "If-Match", "*");

    assertThat(codes(manager.get("/api/v1/routing/" + core).json().get("downward")))
        .doesNotContain(spare);
    assertThat(
            manager
                .get("/api/v1/routing/check?from=" + core + "&to=" + spare + "&direction=DOWN")
                .json()
                .get("rule")
                .asString())
        .isEqualTo("suspended");
  }

  @Test
  void badParametersAndUnknownHospitals() {
    ApiClient.Response direction =
        manager.get("/api/v1/routing/check?from=" + town + "&to=" + core + "&direction=SIDEWAYS");
    assertThat(direction.status()).isEqualTo(400);
    assertThat(direction.json().at("/errors/0/field").asString()).isEqualTo("direction");
    assertThat(manager.get("/api/v1/routing/check?from=" + town).status()).isEqualTo(400);
    assertThat(manager.get("/api/v1/routing/" + unique("NOPE")).status()).isEqualTo(404);
  }

  private String create(Map<String, Object> body) {
    ApiClient.Response response = manager.post("/api/v1/hospitals", body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return body.get("code").toString();
  }

  private static List<String> codes(JsonNode targets) {
    List<String> codes = new ArrayList<>();
    targets.forEach(t -> codes.add(t.get("code").asString()));
    return codes;
  }
}
