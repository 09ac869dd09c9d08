package cn.yilianti.registry.hospital;

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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(trustTestTokens = false)
class HospitalApiIntegrationTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  private TestIdentities identities;
  private ApiClient manager;
  private String alliance;

  @BeforeEach
  void allianceAndManager() {
    identities = new TestIdentities(context, port);
    alliance = unique("ALLIANCE");
    ApiClient founder = identities.api(identities.managerToken());
    assertThat(founder.post("/api/v1/alliances", alliance(alliance)).status()).isEqualTo(201);
    manager = identities.api(identities.managerToken(alliance));
  }

  @Test
  void createdHospitalIsReadBackWithItsETagAndLocation() {
    String code = unique("H");
    ApiClient.Response created =
        manager.post("/api/v1/hospitals", hospital(code, "TERTIARY_A", null, alliance));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/v1/hospitals/" + code);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    ApiClient.Response read = manager.get("/api/v1/hospitals/" + code);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"1\"");
    JsonNode json = read.json();
    assertThat(json.get("status").asString()).isEqualTo("ACTIVE");
    assertThat(json.at("/region/countyCode").asString()).isEqualTo("511623");
    assertThat(json.at("/memberships/0/allianceCode").asString()).isEqualTo(alliance);
    assertThat(json.at("/capabilities/consultations/0").asString()).isEqualTo("ECG");
    assertThat(json.at("/coordinators/0/contacts/0/channel").asString()).isEqualTo("EMAIL");
  }

  @Test
  void updateNeedsTheCurrentETag() {
    String code = createTertiary();
    Map<String, Object> body = hospital(code, "TERTIARY_A", null, alliance);
    body.put("bedCapacity", 1200);

    ApiClient.Response missing = manager.put("/api/v1/hospitals/" + code, body);
    assertThat(missing.status()).isEqualTo(428);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");

    ApiClient.Response updated =
        manager.put("/api/v1/hospitals/" + code, body, "If-Match", "\"1\"");
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.header("ETag")).isEqualTo("\"2\"");
    assertThat(updated.json().get("bedCapacity").asInt()).isEqualTo(1200);

    ApiClient.Response stale = manager.put("/api/v1/hospitals/" + code, body, "If-Match", "\"1\"");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
    assertThat(stale.json().get("currentETag").asString()).isEqualTo("\"2\"");

    assertThat(manager.put("/api/v1/hospitals/" + code, body, "If-Match", "*").status())
        .isEqualTo(200);
  }

  @Test
  void duplicateCodeIsAConflict() {
    String code = createTertiary();

    ApiClient.Response again =
        manager.post("/api/v1/hospitals", hospital(code, "TERTIARY_A", null, alliance));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("type").asString())
        .isEqualTo("urn:yilianti:problem:duplicate-code");
  }

  @Test
  void unknownHospitalIsNotFound() {
    String code = unique("NOPE");
    assertThat(manager.get("/api/v1/hospitals/" + code).status()).isEqualTo(404);
    assertThat(
            manager
                .put(
                    "/api/v1/hospitals/" + code,
                    hospital(code, "TERTIARY_A", null, alliance),
                    "If-Match",
                    "*")
                .status())
        .isEqualTo(404);
    assertThat(manager.post("/api/v1/hospitals/" + code + "/suspend", "", "If-Match", "*").status())
        .isEqualTo(404);
    assertThat(manager.get("/api/v1/hospitals/" + code + "/history").status()).isEqualTo(404);
  }

  @Test
  void suspendedHospitalIsReactivated() {
    String code = createTertiary();

    ApiClient.Response suspended =
        manager.post("/api/v1/hospitals/" + code + "/suspend", "", "If-Match", "\"1\"");
    assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
    assertThat(suspended.json().get("status").asString()).isEqualTo("SUSPENDED");
    assertThat(suspended.header("ETag")).isEqualTo("\"2\"");

    ApiClient.Response active =
        manager.post("/api/v1/hospitals/" + code + "/reactivate", "", "If-Match", "\"2\"");
    assertThat(active.json().get("status").asString()).isEqualTo("ACTIVE");
    assertThat(active.json().get("revision").asLong()).isEqualTo(3);
  }

  @Test
  void removedHospitalIsGoneButItsHistoryStays() {
    String parent = createTertiary();
    String child = unique("H");
    manager.post("/api/v1/hospitals", hospital(child, "SECONDARY_A", parent, alliance));

    ApiClient.Response refused = manager.delete("/api/v1/hospitals/" + parent, "If-Match", "*");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("children").get(0).asString()).isEqualTo(child);

    assertThat(manager.delete("/api/v1/hospitals/" + child, "If-Match", "\"1\"").status())
        .isEqualTo(204);
    assertThat(manager.get("/api/v1/hospitals/" + child).status()).isEqualTo(404);
    JsonNode history = manager.get("/api/v1/hospitals/" + child + "/history").json();
    assertThat(history.at("/items/0/action").asString()).isEqualTo("REMOVED");
    assertThat(history.at("/items/1/action").asString()).isEqualTo("CREATED");
  }

  @Test
  void historySaysWhoChangedWhatAndWhen() {
    String code = createTertiary();
    Map<String, Object> body = hospital(code, "TERTIARY_A", null, alliance);
    body.put("bedCapacity", 800);
    body.put("nameEn", "Renamed hospital");
    manager.put("/api/v1/hospitals/" + code, body, "If-Match", "\"1\"");

    ApiClient.Response response = manager.get("/api/v1/hospitals/" + code + "/history");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode latest = response.json().at("/items/0");
    assertThat(latest.get("action").asString()).isEqualTo("UPDATED");
    assertThat(latest.get("revision").asLong()).isEqualTo(2);
    assertThat(latest.get("changedBy").asString()).startsWith("user-");
    assertThat(latest.get("changedAt").asString()).isNotBlank();
    List<String> fields = new ArrayList<>();
    for (JsonNode change : latest.get("changes")) {
      fields.add(change.get("field").asString());
    }
    assertThat(fields).containsExactlyInAnyOrder("nameEn", "bedCapacity");
    assertThat(latest.at("/changes").findValues("before").stream().map(JsonNode::toString))
        .contains("690", "\"Test hospital " + code + "\"");
    assertThat(response.json().at("/items/1/action").asString()).isEqualTo("CREATED");
    assertThat(response.json().get("totalItems").asLong()).isEqualTo(2);
  }

  @Test
  void searchFiltersByAllianceLevelKindRegionParentAndPages() {
    String core = createTertiary();
    for (int i = 0; i < 3; i++) {
      manager.post("/api/v1/hospitals", hospital(unique("C" + i), "SECONDARY_A", core, alliance));
    }

    JsonNode page =
        manager
            .get("/api/v1/hospitals?alliance=" + alliance + "&level=SECONDARY_A&size=2&page=0")
            .json();
    assertThat(page.get("totalItems").asLong()).isEqualTo(3);
    assertThat(page.get("totalPages").asInt()).isEqualTo(2);
    assertThat(page.get("items")).hasSize(2);
    JsonNode second =
        manager
            .get("/api/v1/hospitals?alliance=" + alliance + "&level=SECONDARY_A&size=2&page=1")
            .json();
    assertThat(second.get("items")).hasSize(1);

    assertThat(
            manager
                .get("/api/v1/hospitals?parent=" + core + "&region=511600&kind=GENERAL")
                .json()
                .get("totalItems")
                .asLong())
        .isEqualTo(3);
    assertThat(
            manager
                .get("/api/v1/hospitals?alliance=" + alliance + "&level=TERTIARY_A,SECONDARY_A")
                .json()
                .get("totalItems")
                .asLong())
        .isEqualTo(4);
    assertThat(
            manager
                .get("/api/v1/hospitals?alliance=" + alliance + "&membership=LOOSE")
                .json()
                .get("totalItems")
                .asLong())
        .isZero();
    assertThat(
            manager
                .get("/api/v1/hospitals?alliance=" + alliance + "&q=" + core.substring(2))
                .json()
                .at("/items/0/code")
                .asString())
        .isEqualTo(core);
  }

  @Test
  void badSearchParametersAreNamed() {
    ApiClient.Response level = manager.get("/api/v1/hospitals?level=QUATERNARY");
    assertThat(level.status()).isEqualTo(400);
    assertThat(level.json().at("/errors/0/field").asString()).isEqualTo("level");

    ApiClient.Response size = manager.get("/api/v1/hospitals?size=100000");
    assertThat(size.status()).isEqualTo(400);
    assertThat(size.json().at("/errors/0/field").asString()).isEqualTo("size");

    ApiClient.Response sort = manager.get("/api/v1/hospitals?sort=password");
    assertThat(sort.status()).isEqualTo(400);
    assertThat(sort.json().at("/errors/0/field").asString()).isEqualTo("sort");
  }

  private String createTertiary() {
    String code = unique("H");
    ApiClient.Response created =
        manager.post("/api/v1/hospitals", hospital(code, "TERTIARY_A", null, alliance));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return code;
  }
}
