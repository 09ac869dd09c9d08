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

/** Every invalid field is a 400 problem naming the field and the rule; never a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(trustTestTokens = false)
class HospitalModelRulesIntegrationTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  private ApiClient manager;
  private String alliance;

  @BeforeEach
  void allianceAndManager() {
    TestIdentities identities = new TestIdentities(context, port);
    alliance = unique("ALLIANCE");
    identities.api(identities.managerToken()).post("/api/v1/alliances", alliance(alliance));
    manager = identities.api(identities.managerToken(alliance));
  }

  @Test
  void missingAndMalformedFieldsAreEachNamed() {
    Map<String, Object> body = hospital("bad code!", "TERTIARY_A", null, alliance);
    body.remove("nameZh");
    body.put("bedCapacity", -1);
    body.put("region", Map.of("provinceCode", "51", "cityCode", "511600", "countyCode", "511623"));
    body.put("memberships", List.of(Map.of("allianceCode", alliance, "joinedOn", "2021-04-01")));

    assertThat(errors(manager.post("/api/v1/hospitals", body)))
        .containsExactlyInAnyOrder(
            "code:Pattern",
            "nameZh:NotBlank",
            "bedCapacity:Min",
            "region.provinceCode:Pattern",
            "memberships[0].role:NotNull");
  }

  @Test
  void unknownEnumValueNamesTheFieldAndAllowedValues() {
    Map<String, Object> body = hospital(unique("H"), "QUATERNARY", null, alliance);

    ApiClient.Response response = manager.post("/api/v1/hospitals", body);

    assertThat(errors(response)).containsExactly("level:enum");
    assertThat(response.body()).contains("TERTIARY_A");
  }

  @Test
  void malformedJsonIsABadRequest() {
    ApiClient.Response response =
        manager.send("POST", "/api/v1/hospitals", "{\"code\": ", "application/json");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void regionCodesMustNest() {
    Map<String, Object> body = hospital(unique("H"), "TERTIARY_A", null, alliance);
    body.put(
        "region", Map.of("provinceCode", "500000", "cityCode", "511600", "countyCode", "320413"));

    assertThat(errors(manager.post("/api/v1/hospitals", body)))
        .containsExactlyInAnyOrder(
            "region.cityCode:region-hierarchy", "region.countyCode:region-hierarchy");
  }

  @Test
  void membershipsNameKnownAlliancesOnceAndEndAfterTheyStart() {
    Map<String, Object> body = hospital(unique("H"), "TERTIARY_A", null, alliance);
    body.put(
        "memberships",
        List.of(
            Map.of(
                "allianceCode",
                alliance,
                "role",
                "CORE",
                "joinedOn",
                "2021-04-01",
                "leftOn",
                "2020-01-01"),
            Map.of("allianceCode", alliance, "role", "LOOSE", "joinedOn", "2022-01-01"),
            Map.of("allianceCode", "NO-SUCH-ALLIANCE", "role", "LOOSE", "joinedOn", "2022-01-01")));

    assertThat(errors(manager.post("/api/v1/hospitals", body)))
        .containsExactlyInAnyOrder(
            "memberships[0].leftOn:after-joined",
            "memberships[1].allianceCode:duplicate",
            "memberships[2].allianceCode:unknown-alliance");
  }

  @Test
  void parentMustExistAndBeOfAHigherLevel() {
    String county = create(unique("COUNTY"), "SECONDARY_A", null);

    assertThat(
            errors(
                manager.post(
                    "/api/v1/hospitals", hospital(unique("H"), "TERTIARY_A", county, alliance))))
        .containsExactly("parentCode:parent-level");
    assertThat(
            errors(
                manager.post(
                    "/api/v1/hospitals", hospital(unique("H"), "SECONDARY_A", county, alliance))))
        .containsExactly("parentCode:parent-level");
    assertThat(
            errors(
                manager.post(
                    "/api/v1/hospitals", hospital(unique("H"), "PRIMARY", "NO-SUCH", alliance))))
        .containsExactly("parentCode:unknown-hospital");
  }

  @Test
  void hierarchyHasNoCycle() {
    String top = create(unique("TOP"), "SECONDARY_A", null);
    String middle = create(unique("MID"), "PRIMARY", top);
    String bottom = create(unique("LOW"), "UNRATED", middle);
    // Raising the bottom above the top and hanging the top below it would close a loop.
    Map<String, Object> topBelowBottom = hospital(top, "SECONDARY_A", bottom, alliance);

    ApiClient.Response response =
        manager.put("/api/v1/hospitals/" + top, topBelowBottom, "If-Match", "*");

    assertThat(errors(response)).contains("parentCode:parent-level");
    Map<String, Object> selfParent = hospital(top, "SECONDARY_A", top, alliance);
    assertThat(errors(manager.put("/api/v1/hospitals/" + top, selfParent, "If-Match", "*")))
        .containsExactly("parentCode:self");
  }

  @Test
  void cycleThroughEqualLevelsIsRejectedAsACycle() {
    String a = create(unique("A"), "TERTIARY_A", null);
    String b = create(unique("B"), "SECONDARY_A", a);
    // a under b: b is a's child, so this is a cycle (and a level inversion).
    Map<String, Object> aUnderB = hospital(a, "PRIMARY", b, alliance);

    assertThat(errors(manager.put("/api/v1/hospitals/" + a, aUnderB, "If-Match", "*")))
        .contains("parentCode:cycle", "level:parent-level");
  }

  @Test
  void loweringAParentToItsChildsLevelIsRejected() {
    String county = create(unique("COUNTY"), "SECONDARY_A", null);
    create(unique("TOWN"), "PRIMARY", county);

    assertThat(
            errors(
                manager.put(
                    "/api/v1/hospitals/" + county,
                    hospital(county, "PRIMARY", null, alliance),
                    "If-Match",
                    "*")))
        .containsExactly("level:parent-level");
  }

  @Test
  void agreementsNameOtherKnownHospitalsOnce() {
    String other = create(unique("OTHER"), "TERTIARY_A", null);
    String code = unique("H");
    Map<String, Object> body = hospital(code, "SECONDARY_A", null, alliance);
    body.put("agreementHospitals", List.of(other, other, "NO-SUCH", code));

    assertThat(errors(manager.post("/api/v1/hospitals", body)))
        .containsExactlyInAnyOrder(
            "agreementHospitals[1]:duplicate",
            "agreementHospitals[2]:unknown-hospital",
            "agreementHospitals[3]:self");
  }

  @Test
  void contactAddressesSuitTheirChannel() {
    Map<String, Object> body = hospital(unique("H"), "TERTIARY_A", null, alliance);
    body.put(
        "endpoints",
        List.of(
            Map.of("channel", "WEBHOOK", "address", "not a url"),
            Map.of("channel", "EMAIL", "address", "nobody"),
            Map.of("channel", "SMS", "address", "call me"),
            Map.of("channel", "WECOM", "address", "ftp://robot.example.cn"),
            Map.of("channel", "DINGTALK", "address", "https://oapi.dingtalk.com/robot/send?t=1")));
    body.put(
        "coordinators",
        List.of(
            Map.of("id", "c1", "name", "转诊办", "role", "COORDINATOR", "contacts", List.of()),
            Map.of("id", "c1", "name", "医务科", "role", "MEDICAL_AFFAIRS")));

    assertThat(errors(manager.post("/api/v1/hospitals", body)))
        .containsExactlyInAnyOrder(
            "endpoints[0].address:url",
            "endpoints[1].address:email",
            "endpoints[2].address:phone",
            "endpoints[3].address:url",
            "coordinators[1]:duplicate");
  }

  @Test
  void pathAndBodyCodesMustAgree() {
    String code = create(unique("H"), "TERTIARY_A", null);
    assertThat(
            errors(
                manager.put(
                    "/api/v1/hospitals/" + code,
                    hospital(unique("OTHER"), "TERTIARY_A", null, alliance),
                    "If-Match",
                    "*")))
        .containsExactly("code:matches-path");
  }

  private String create(String code, String level, String parent) {
    ApiClient.Response response =
        manager.post("/api/v1/hospitals", hospital(code, level, parent, alliance));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return code;
  }

  private static List<String> errors(ApiClient.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    List<String> errors = new ArrayList<>();
    for (JsonNode e : response.json().get("errors")) {
      errors.add(e.get("field").asString() + ":" + e.get("rule").asString());
    }
    return errors;
  }
}
