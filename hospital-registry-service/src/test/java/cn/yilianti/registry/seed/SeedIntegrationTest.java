package cn.yilianti.registry.seed;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.registry.TestIdentities;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.RealInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The local run's dataset: both alliances, 208 synthetic centres, working demo credentials. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(trustTestTokens = false)
class SeedIntegrationTest {

  private static final Path CREDENTIALS = credentialsFile();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void seed(DynamicPropertyRegistry registry) {
    registry.add("registry.seed.enabled", () -> "true");
    registry.add("registry.seed.credentials-file", CREDENTIALS::toString);
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired SeedLoader seed;

  @Test
  void bothAlliancesAreLoadedWithTheirMembers() {
    ApiClient ops = identities().api(identities().opsToken());

    JsonNode alliance1 = ops.get("/api/v1/alliances/CQMU2-1P8").json();
    assertThat(alliance1.at("/members/CORE").asLong()).isEqualTo(1);
    assertThat(alliance1.at("/members/TIGHT").asLong() + alliance1.at("/members/LOOSE").asLong())
        .isEqualTo(217);
    assertThat(
            total(
                ops,
                "alliance=CQMU2-1P8&synthetic=true&kind=TOWNSHIP_HEALTH_CENTRE,COMMUNITY_HEALTH_CENTRE"))
        .isEqualTo(208);
    assertThat(total(ops, "alliance=CQMU2-1P8&synthetic=true&kind=REHABILITATION_AND_NURSING"))
        .isEqualTo(1);
    assertThat(total(ops, "alliance=CQMU2-1P8&synthetic=false&level=SECONDARY_A")).isEqualTo(8);
    assertThat(total(ops, "alliance=CQMU2-1P8&region=510000")).isEqualTo(26);
    assertThat(total(ops, "alliance=SGH-JT")).isEqualTo(3);

    JsonNode linshui = ops.get("/api/v1/hospitals/LSX-RMYY").json();
    assertThat(linshui.get("nameZh").asString()).isEqualTo("邻水县人民医院");
    assertThat(linshui.get("region").toString())
        .isEqualTo(
            "{\"provinceCode\":\"510000\",\"cityCode\":\"511600\",\"countyCode\":\"511623\"}");
    assertThat(linshui.at("/memberships/0/joinedOn").asString()).isEqualTo("2021-04-01");
    assertThat(ops.get("/api/v1/hospitals/JT-1").json().at("/region/countyCode").asString())
        .isEqualTo("320413");
    assertThat(ops.get("/api/v1/hospitals/SGH").json().get("level").asString())
        .isEqualTo("TERTIARY_A");
  }

  @Test
  void seededHierarchyRoutesATownshipCentreUpToItsCountyAndTheCore() {
    ApiClient ops = identities().api(identities().opsToken());

    JsonNode routes = ops.get("/api/v1/routing/LSX-T01").json();

    List<String> up = new ArrayList<>();
    routes.get("upward").forEach(h -> up.add(h.get("code").asString()));
    assertThat(up).startsWith("CQMU-2").contains("LSX-RMYY", "CQMU2-KFHL");
    List<String> down = new ArrayList<>();
    ops.get("/api/v1/routing/LSX-RMYY")
        .json()
        .get("downward")
        .forEach(h -> down.add(h.get("code").asString()));
    assertThat(down).hasSize(25 + 1);
  }

  @Test
  void demoCredentialsAreWrittenOwnerOnlyAndEachGetsAToken() throws IOException {
    JsonNode file = JSON.readTree(CREDENTIALS.toFile());

    assertThat(Files.getPosixFilePermissions(CREDENTIALS))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(file.get("credentials")).hasSize(11);
    List<String> roles = new ArrayList<>();
    for (JsonNode c : file.get("credentials")) {
      roles.add(c.get("role").asString());
      assertThat(c.get("tokenEndpoint").asString()).isEqualTo("http://127.0.0.1:8082/oauth2/token");
      ApiClient.Response token =
          identities().token(c.get("clientId").asString(), c.get("clientSecret").asString());
      assertThat(token.status()).as(c.toString()).isEqualTo(200);
      JsonNode claims = TestIdentities.claims(token.json().get("access_token").asString());
      assertThat(claims.get("roles").get(0).asString()).isEqualTo(c.get("role").asString());
    }
    assertThat(roles).contains("HIS_CLIENT", "COORDINATOR", "ALLIANCE_MANAGER", "OPS");
    JsonNode his = file.get("credentials").get(0);
    assertThat(his.get("hospitalCode").asString()).isEqualTo("LSX-RMYY");
    assertThat(his.get("clientId").asString()).isEqualTo("his-lsx-rmyy");
  }

  @Test
  void seedingAgainChangesNothingAndKeepsTheCredentials() throws Exception {
    String before = Files.readString(CREDENTIALS);
    ApiClient ops = identities().api(identities().opsToken());
    long revision = ops.get("/api/v1/hospitals/FJX-T01").json().get("revision").asLong();

    seed.run(null);

    assertThat(Files.readString(CREDENTIALS)).isEqualTo(before);
    assertThat(ops.get("/api/v1/hospitals/FJX-T01").json().get("revision").asLong())
        .isEqualTo(revision);
    assertThat(ops.get("/api/v1/hospitals/FJX-T01/history").json().get("totalItems").asLong())
        .isEqualTo(1);
  }

  @Test
  void aManagersChangeSurvivesTheSeedRunningAgainAtTheNextStart() throws Exception {
    ApiClient manager = identities().api(token("alliance1-manager"));
    ApiClient.Response current = manager.get("/api/v1/hospitals/WXX-RMYY");
    ObjectNode body = (ObjectNode) current.json();
    ((ObjectNode) body.get("endpoints").get(0)).put("address", "https://his.wxx.test/events");
    ApiClient.Response updated =
        manager.put(
            "/api/v1/hospitals/WXX-RMYY",
            body.toString(),
            "If-Match",
            String.valueOf(current.header("ETag")));
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);

    seed.run(null);

    assertThat(
            manager.get("/api/v1/hospitals/WXX-RMYY").json().at("/endpoints/0/address").asString())
        .isEqualTo("https://his.wxx.test/events");
  }

  private String token(String username) throws IOException {
    for (JsonNode c : JSON.readTree(CREDENTIALS.toFile()).get("credentials")) {
      if (username.equals(c.path("username").asString())) {
        return identities()
            .token(c.get("clientId").asString(), c.get("clientSecret").asString())
            .json()
            .get("access_token")
            .asString();
      }
    }
    throw new AssertionError("no demo user " + username);
  }

  @Test
  void demoManagerManagesItsAlliance() throws IOException {
    JsonNode manager = null;
    for (JsonNode c : JSON.readTree(CREDENTIALS.toFile()).get("credentials")) {
      if ("alliance1-manager".equals(c.path("username").asString())) {
        manager = c;
      }
    }
    assertThat(manager).isNotNull();
    String token =
        identities()
            .token(manager.get("clientId").asString(), manager.get("clientSecret").asString())
            .json()
            .get("access_token")
            .asString();

    assertThat(TestIdentities.claims(token).get("alliances").get(0).asString())
        .isEqualTo("CQMU2-1P8");
    assertThat(
            identities()
                .api(token)
                .post("/api/v1/hospitals/SGH/suspend", "", "If-Match", "*")
                .status())
        .isEqualTo(403);
  }

  private TestIdentities identities() {
    return new TestIdentities(context, port);
  }

  private static long total(ApiClient api, String query) {
    ApiClient.Response response = api.get("/api/v1/hospitals?size=1&" + query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("totalItems").asLong();
  }

  private static Path credentialsFile() {
    try {
      return Files.createTempDirectory("seed-test").resolve("demo-credentials.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
