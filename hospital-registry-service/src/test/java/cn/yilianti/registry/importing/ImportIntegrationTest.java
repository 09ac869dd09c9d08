package cn.yilianti.registry.importing;

import static cn.yilianti.registry.RegistryFixtures.alliance;
import static cn.yilianti.registry.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.Topics;
import cn.yilianti.registry.TestIdentities;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TopicRecords;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(trustTestTokens = false)
class ImportIntegrationTest {

  private static final String HEADER =
      "code,nameZh,nameEn,level,kind,provinceCode,cityCode,countyCode,parentCode,membershipRole,"
          + "joinedOn,departments,greenChannel,consultations,bedCapacity,endpoints\n";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  private TestIdentities identities;
  private String token;
  private ApiClient manager;
  private String alliance;
  private String p;

  @BeforeEach
  void allianceAndManager() {
    identities = new TestIdentities(context, port);
    alliance = unique("A");
    identities.api(identities.managerToken()).post("/api/v1/alliances", alliance(alliance));
    token = identities.managerToken(alliance);
    manager = identities.api(token);
    p = unique("I").substring(2) + "-";
  }

  @Test
  void goodCsvFileImportsEveryRowParentsFirst() {
    String csv =
        HEADER
            + row(
                "T1",
                "\"邻水县鼎屏镇卫生院\"",
                "Dingping Township Health Centre",
                "PRIMARY",
                "TOWNSHIP_HEALTH_CENTRE",
                "C")
            + row(
                "C",
                "邻水县人民医院",
                "\"Linshui County People's Hospital, Sichuan\"",
                "SECONDARY_A",
                "GENERAL",
                "CORE")
            + row(
                "CORE",
                "重庆医科大学附属第二医院",
                "Second Affiliated Hospital of CQMU",
                "TERTIARY_A",
                "GENERAL",
                "")
            + row(
                "T2",
                "\"城北镇\n卫生院\"",
                "Chengbei Township Health Centre",
                "PRIMARY",
                "TOWNSHIP_HEALTH_CENTRE",
                "C");

    JsonNode job = finished(upload(csv, "text/csv", "ALL_OR_NOTHING"));

    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("COMPLETED");
    assertThat(job.get("created").asInt()).isEqualTo(4);
    assertThat(job.get("totalRows").asInt()).isEqualTo(4);
    assertThat(job.get("processedRows").asInt()).isEqualTo(4);
    assertThat(job.get("percent").asInt()).isEqualTo(100);
    JsonNode county = manager.get("/api/v1/hospitals/" + p + "C").json();
    assertThat(county.get("nameEn").asString())
        .isEqualTo("Linshui County People's Hospital, Sichuan");
    assertThat(county.get("parentCode").asString()).isEqualTo(p + "CORE");
    assertThat(county.at("/memberships/0/role").asString()).isEqualTo("TIGHT");
    assertThat(county.at("/endpoints/0/address").asString()).isEqualTo("https://his.example.cn/h");
    assertThat(manager.get("/api/v1/hospitals/" + p + "T2").json().get("nameZh").asString())
        .isEqualTo("城北镇\n卫生院");
    assertThat(
            manager
                .get("/api/v1/hospitals/" + p + "C/history")
                .json()
                .at("/items/0/action")
                .asString())
        .isEqualTo("IMPORTED");
  }

  @Test
  void badRowsAreReportedWithLineAndFieldAndNothingIsImported() {
    JsonNode job = finished(upload(fileWithBadRows(), "text/csv", "ALL_OR_NOTHING"));

    assertThat(job.get("status").asString()).isEqualTo("REJECTED");
    assertThat(job.get("created").asInt()).isZero();
    assertThat(job.get("validatedRows").asInt()).isEqualTo(8);
    assertThat(job.get("rejected").asInt()).isEqualTo(6);
    assertThat(errors(job))
        .containsExactlyInAnyOrder(
            "3:level:enum",
            "4:nameZh:NotBlank",
            "5:countyCode:region-hierarchy",
            "6:parentCode:row-rejected",
            "7:code:duplicate",
            "8:row:columns");
    assertThat(manager.get("/api/v1/hospitals/" + p + "CORE").status()).isEqualTo(404);
  }

  @Test
  void goodRowsModeImportsTheGoodRowsAndReportsTheBadOnes() {
    JsonNode job = finished(upload(fileWithBadRows(), "text/csv", "GOOD_ROWS"));

    assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(job.get("created").asInt()).isEqualTo(2);
    assertThat(job.get("rejected").asInt()).isEqualTo(6);
    assertThat(errors(job)).hasSize(6);
    assertThat(manager.get("/api/v1/hospitals/" + p + "CORE").status()).isEqualTo(200);
    assertThat(manager.get("/api/v1/hospitals/" + p + "C").status()).isEqualTo(200);
    assertThat(manager.get("/api/v1/hospitals/" + p + "BADLEVEL").status()).isEqualTo(404);
  }

  @Test
  void importingTheSameFileTwiceChangesNothingTheSecondTime() {
    String csv =
        HEADER
            + row("CORE", "核心医院", "Core hospital", "TERTIARY_A", "GENERAL", "")
            + row("C", "县医院", "County hospital", "SECONDARY_A", "GENERAL", "CORE");
    JsonNode first = finished(upload(csv, "text/csv", "ALL_OR_NOTHING"));

    JsonNode second = finished(upload(csv, "text/csv", "ALL_OR_NOTHING"));

    assertThat(second.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(second.get("created").asInt()).isZero();
    assertThat(second.get("updated").asInt()).isZero();
    assertThat(second.get("unchanged").asInt()).isEqualTo(2);
    assertThat(second.get("sameFileAs").asString()).isEqualTo(first.get("id").asString());
    JsonNode county = manager.get("/api/v1/hospitals/" + p + "C").json();
    assertThat(county.get("revision").asLong()).isEqualTo(1);
    assertThat(
            manager.get("/api/v1/hospitals/" + p + "C/history").json().get("totalItems").asLong())
        .isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        TopicRecords.readAll(
                                TestInfrastructure.get().kafkaBootstrapServers(),
                                Topics.HOSPITAL_REGISTRY)
                            .stream()
                            .filter(r -> (p + "C").equals(r.key())))
                    .hasSize(1));
  }

  @Test
  void changedRowOfAReimportIsUpdatedAndKeepsWhatTheFileLeavesOut() {
    String csv = HEADER + row("CORE", "核心医院", "Core hospital", "TERTIARY_A", "GENERAL", "");
    finished(upload(csv, "text/csv", "ALL_OR_NOTHING"));
    String fewerColumns =
        "code,nameZh,nameEn,level,kind,provinceCode,cityCode,countyCode\n"
            + p
            + "CORE,核心医院,Renamed core hospital,TERTIARY_A,GENERAL,510000,511600,511623\n";

    JsonNode job = finished(upload(fewerColumns, "text/csv", "ALL_OR_NOTHING"));

    assertThat(job.get("updated").asInt()).as(job.toString()).isEqualTo(1);
    JsonNode core = manager.get("/api/v1/hospitals/" + p + "CORE").json();
    assertThat(core.get("nameEn").asString()).isEqualTo("Renamed core hospital");
    assertThat(core.get("bedCapacity").asInt()).isEqualTo(500);
    assertThat(core.at("/memberships/0/role").asString()).isEqualTo("TIGHT");
  }

  @Test
  void jsonFileInTheApisShapeOrFlatIsImportedWithLinesInErrors() {
    String json =
        """
        [
          {"code": "%1$sCORE", "nameZh": "核心医院", "nameEn": "Core", "level": "TERTIARY_A",
           "kind": "GENERAL",
           "region": {"provinceCode": "500000", "cityCode": "500100", "countyCode": "500103"},
           "memberships": [{"allianceCode": "%2$s", "role": "CORE", "joinedOn": "2018-01-01"}],
           "capabilities": {"greenChannel": true, "consultations": ["MDT", "ECG"]},
           "bedCapacity": 3200,
           "coordinators": [{"id": "office", "name": "双向转诊办公室", "role": "COORDINATOR",
             "contacts": [{"channel": "EMAIL", "address": "zhuanzhen@core.example.cn"}]}]},
          {"code": "%1$sC", "nameZh": "县医院", "nameEn": "County", "level": "SECONDARY_A",
           "kind": "GENERAL", "provinceCode": "500000", "cityCode": "500200",
           "countyCode": "500236", "parentCode": "%1$sCORE", "membershipRole": "TIGHT",
           "joinedOn": "2019-06-01", "departments": ["CARDIOLOGY"]}
        ]
        """
            .formatted(p, alliance);

    JsonNode job = finished(upload(json, "application/json", "ALL_OR_NOTHING"));

    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("COMPLETED");
    assertThat(job.get("created").asInt()).isEqualTo(2);
    JsonNode core = manager.get("/api/v1/hospitals/" + p + "CORE").json();
    assertThat(core.at("/coordinators/0/name").asString()).isEqualTo("双向转诊办公室");
    assertThat(core.at("/capabilities/consultations").toString()).isEqualTo("[\"MDT\",\"ECG\"]");

    String bad = json.replace("\"SECONDARY_A\"", "\"SECOND_A\"");
    JsonNode rejected = finished(upload(bad, "application/json", "ALL_OR_NOTHING"));
    assertThat(errors(rejected)).containsExactly("10:level:enum");
  }

  @Test
  void csvInGbkIsReadWithTheCharsetItDeclares() {
    String csv = HEADER + row("CORE", "重庆医科大学附属第二医院", "Core", "TERTIARY_A", "GENERAL", "");
    byte[] gbk = csv.getBytes(Charset.forName("GBK"));

    JsonNode job = finished(uploadBytes(gbk, "text/csv; charset=GBK"));

    assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(manager.get("/api/v1/hospitals/" + p + "CORE").json().get("nameZh").asString())
        .isEqualTo("重庆医科大学附属第二医院");
  }

  @Test
  void wholeFileProblemsAreReportedOnce() {
    JsonNode unknownColumn =
        finished(upload("code,nameZh,colour\n" + p + "X,x,red\n", "text/csv", "ALL_OR_NOTHING"));
    assertThat(errors(unknownColumn)).containsExactly("1:colour:unknown-column");

    JsonNode missingColumn =
        finished(upload("code,nameZh\n" + p + "X,x\n", "text/csv", "ALL_OR_NOTHING"));
    assertThat(errors(missingColumn)).containsExactly("1:nameEn:required-column");

    JsonNode notJson = finished(upload("{\"hospitals\": 3}", "application/json", "ALL_OR_NOTHING"));
    assertThat(notJson.get("status").asString()).isEqualTo("REJECTED");

    assertThat(
            manager
                .send("POST", "/api/v1/alliances/" + alliance + "/imports", "x", "text/plain")
                .status())
        .isEqualTo(415);
    assertThat(
            manager
                .send(
                    "POST", "/api/v1/alliances/" + alliance + "/imports?mode=SOME", "", "text/csv")
                .status())
        .isEqualTo(400);
  }

  @Test
  void onlyManagersOfTheAllianceImportIntoIt() {
    ApiClient other = identities.api(identities.managerToken());
    assertThat(
            other
                .send("POST", "/api/v1/alliances/" + alliance + "/imports", HEADER, "text/csv")
                .status())
        .isEqualTo(403);
    String id = upload(HEADER, "text/csv", "ALL_OR_NOTHING");
    assertThat(other.get("/api/v1/imports/" + id).status()).isEqualTo(403);
    assertThat(identities.api(identities.opsToken()).get("/api/v1/imports/" + id).status())
        .isEqualTo(200);
  }

  @Test
  void largeFileShowsProgressWhileItRuns() {
    StringBuilder csv =
        new StringBuilder(HEADER).append(row("CORE", "核心", "Core", "TERTIARY_A", "GENERAL", ""));
    int towns = 1200;
    for (int i = 0; i < towns; i++) {
      csv.append(
          row(
              "T" + i,
              "乡镇卫生院" + i,
              "Township centre " + i,
              "PRIMARY",
              "TOWNSHIP_HEALTH_CENTRE",
              "CORE"));
    }
    String id = upload(csv.toString(), "text/csv", "ALL_OR_NOTHING");
    Set<Integer> seen = new TreeSet<>();

    JsonNode job =
        await()
            .atMost(Duration.ofSeconds(240))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () -> {
                  JsonNode j = manager.get("/api/v1/imports/" + id).json();
                  if ("IMPORTING".equals(j.get("status").asString())) {
                    seen.add(j.get("percent").asInt());
                  }
                  return j;
                },
                j -> j.get("finishedAt") != null && !j.get("finishedAt").isNull());

    assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(job.get("created").asInt()).isEqualTo(towns + 1);
    assertThat(seen).as("progress seen while importing").anyMatch(pct -> pct > 0 && pct < 100);
  }

  private String fileWithBadRows() {
    return HEADER
        + row("CORE", "核心医院", "Core hospital", "TERTIARY_A", "GENERAL", "")
        + row("BADLEVEL", "某医院", "Some hospital", "SECOND_A", "GENERAL", "CORE")
        + row("NONAME", "", "Nameless hospital", "SECONDARY_A", "GENERAL", "CORE")
        + row("BADCOUNTY", "县医院", "County hospital", "SECONDARY_A", "GENERAL", "CORE")
            .replace(",511623,", ",320413,")
        + row("CHILD", "镇卫生院", "Township centre", "PRIMARY", "TOWNSHIP_HEALTH_CENTRE", "BADCOUNTY")
        + row("CORE", "重复", "Duplicate", "TERTIARY_A", "GENERAL", "")
        + p
        + "SHORT,only,three\n"
        + row("C", "县医院", "Good county hospital", "SECONDARY_A", "GENERAL", "CORE");
  }

  private String row(
      String code, String nameZh, String nameEn, String level, String kind, String parent) {
    return String.join(
            ",",
            p + code,
            nameZh,
            nameEn,
            level,
            kind,
            "510000",
            "511600",
            "511623",
            parent.isEmpty() ? "" : p + parent,
            "TIGHT",
            "2021-04-01",
            "CARDIOLOGY;EMERGENCY",
            "true",
            "ECG;ULTRASOUND",
            "500",
            "WEBHOOK:https://his.example.cn/h")
        + "\n";
  }

  private String upload(String body, String contentType, String mode) {
    ApiClient.Response response =
        manager.send(
            "POST", "/api/v1/alliances/" + alliance + "/imports?mode=" + mode, body, contentType);
    assertThat(response.status()).as(response.body()).isEqualTo(202);
    assertThat(response.header("Location")).startsWith("/api/v1/imports/");
    return response.json().get("id").asString();
  }

  private String uploadBytes(byte[] body, String contentType) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + port
                                  + "/api/v1/alliances/"
                                  + alliance
                                  + "/imports"))
                      .header("Authorization", "Bearer " + token)
                      .header("Content-Type", contentType)
                      .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      return new ApiClient.Response(202, response.headers().map(), response.body())
          .json()
          .get("id")
          .asString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode finished(String id) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> manager.get("/api/v1/imports/" + id).json(),
            j -> j.get("finishedAt") != null && !j.get("finishedAt").isNull());
  }

  private static List<String> errors(JsonNode job) {
    List<String> errors = new ArrayList<>();
    for (JsonNode e : job.get("errors")) {
      errors.add(
          e.get("line").asInt() + ":" + e.get("field").asString() + ":" + e.get("rule").asString());
    }
    return errors;
  }
}
