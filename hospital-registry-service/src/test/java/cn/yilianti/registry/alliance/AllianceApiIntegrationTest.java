package cn.yilianti.registry.alliance;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(trustTestTokens = false)
class AllianceApiIntegrationTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @Test
  void theFounderOfAnAllianceManagesItFromTheirNextToken() {
    TestIdentities identities = new TestIdentities(context, port);
    var founder = identities.userClient(Set.of(Role.ALLIANCE_MANAGER), null, List.of());
    ApiClient first = identities.api(identities.accessToken(founder));
    String code = unique("A");

    ApiClient.Response created = first.post("/api/v1/alliances", alliance(code));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(
            first
                .post("/api/v1/hospitals", hospital(unique("H"), "TERTIARY_A", null, code))
                .status())
        .isEqualTo(403);
    ApiClient next = identities.api(identities.accessToken(founder));
    assertThat(
            next.post("/api/v1/hospitals", hospital(unique("H"), "TERTIARY_A", null, code))
                .status())
        .isEqualTo(201);
    JsonNode view = next.get("/api/v1/alliances/" + code).json();
    assertThat(view.at("/alliance/nameZh").asString()).isEqualTo("测试医联体");
    assertThat(view.at("/members/TIGHT").asLong()).isEqualTo(1);
  }

  @Test
  void updateNeedsTheCurrentETagAndOnlyItsManagers() {
    TestIdentities identities = new TestIdentities(context, port);
    String code = unique("A");
    identities.api(identities.managerToken()).post("/api/v1/alliances", alliance(code));
    ApiClient manager = identities.api(identities.managerToken(code));
    Map<String, Object> renamed = alliance(code);
    renamed.put("nameEn", "Renamed alliance");
    renamed.put("kind", "COUNTY_MEDICAL_COMMUNITY");

    ApiClient.Response updated =
        manager.put("/api/v1/alliances/" + code, renamed, "If-Match", "\"1\"");
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.header("ETag")).isEqualTo("\"2\"");
    assertThat(updated.json().get("kind").asString()).isEqualTo("COUNTY_MEDICAL_COMMUNITY");
    assertThat(manager.put("/api/v1/alliances/" + code, renamed, "If-Match", "\"1\"").status())
        .isEqualTo(412);
    assertThat(manager.put("/api/v1/alliances/" + code, renamed).status()).isEqualTo(428);
    assertThat(
            identities
                .api(identities.managerToken())
                .put("/api/v1/alliances/" + code, renamed, "If-Match", "*")
                .status())
        .isEqualTo(403);
  }

  @Test
  void duplicateUnknownAndInvalidAlliances() {
    TestIdentities identities = new TestIdentities(context, port);
    ApiClient manager = identities.api(identities.managerToken());
    String code = unique("A");
    manager.post("/api/v1/alliances", alliance(code));

    assertThat(manager.post("/api/v1/alliances", alliance(code)).status()).isEqualTo(409);
    assertThat(manager.get("/api/v1/alliances/" + unique("NONE")).status()).isEqualTo(404);
    Map<String, Object> bad = alliance("bad code");
    bad.put("kind", "CLUB");
    ApiClient.Response invalid = manager.post("/api/v1/alliances", bad);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().at("/errors/0/field").asString()).isEqualTo("kind");
  }
}
