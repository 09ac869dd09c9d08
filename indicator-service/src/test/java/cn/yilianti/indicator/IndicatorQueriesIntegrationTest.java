package cn.yilianti.indicator;

import static cn.yilianti.indicator.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.PlatformEvent;
import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.events.registry.HospitalLevel;
import cn.yilianti.platform.registry.HospitalDirectory;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.EventPublisher;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class IndicatorQueriesIntegrationTest {

  @LocalServerPort int port;
  @Autowired HospitalDirectory directory;

  private final EventPublisher publisher =
      new EventPublisher(TestInfrastructure.get().kafkaBootstrapServers());
  private String alliance;
  private String tertiary;
  private String county;
  private String township;

  @BeforeEach
  void registry() {
    alliance = Fixtures.unique("AL");
    tertiary = Fixtures.unique("TER");
    county = Fixtures.unique("CTY");
    township = Fixtures.unique("TWN");
    publisher.publish(
        Fixtures.hospital(tertiary, HospitalLevel.TERTIARY_A, null, "500000", "500103", alliance));
    publisher.publish(
        Fixtures.hospital(county, HospitalLevel.SECONDARY_A, null, "510000", "511623", alliance));
    publisher.publish(
        Fixtures.hospital(township, HospitalLevel.PRIMARY, county, "510000", "511623", alliance));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> directory.find(township).isPresent() && directory.find(tertiary).isPresent());
  }

  @AfterEach
  void close() {
    publisher.close();
  }

  @Test
  void rollsTownshipCountsUpToTheCountyAndTheAlliance() {
    Instant t = at(LocalDate.of(2020, 5, 4));
    publishAll(
        Fixtures.submitted(Fixtures.ref(township, county, Direction.UP, Priority.ROUTINE, t)),
        Fixtures.submitted(Fixtures.ref(county, tertiary, Direction.UP, Priority.URGENT, t)),
        Fixtures.submitted(Fixtures.ref(county, township, Direction.DOWN, Priority.ROUTINE, t)),
        Fixtures.submitted(Fixtures.ref(county, township, Direction.DOWN, Priority.ROUTINE, t)),
        Fixtures.consultation(county, tertiary, ConsultationType.ECG, t));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode alone = ops("/api/v1/indicators/hospitals/" + county + "?period=2020");
              assertThat(alone.at("/upward/SUBMITTED").asLong()).isEqualTo(1);
              assertThat(alone.at("/downward/SUBMITTED").asLong()).isEqualTo(2);
              assertThat(alone.at("/consultations/ECG/REQUESTED").asLong()).isEqualTo(1);
            });
    JsonNode rolled =
        ops("/api/v1/indicators/hospitals/" + county + "?period=2020&subordinates=true");
    assertThat(rolled.at("/hospitals").asInt()).isEqualTo(2);
    assertThat(rolled.at("/upward/SUBMITTED").asLong()).isEqualTo(2);
    assertThat(rolled.at("/downward/SUBMITTED").asLong()).isEqualTo(2);
    assertThat(rolled.at("/upDownRatio").asDouble()).isEqualTo(1.0);
    JsonNode all = ops("/api/v1/indicators/alliances/" + alliance + "?period=2020-Q2");
    assertThat(all.at("/hospitals").asInt()).isEqualTo(3);
    assertThat(all.at("/upward/SUBMITTED").asLong()).isEqualTo(2);
    assertThat(all.at("/received/upward/SUBMITTED").asLong()).isEqualTo(2);
    JsonNode tertiaryReceived = ops("/api/v1/indicators/hospitals/" + tertiary + "?period=2020");
    assertThat(tertiaryReceived.at("/received/upward/SUBMITTED").asLong()).isEqualTo(1);
    JsonNode sichuan =
        api(TestTokens.manager(alliance))
            .get("/api/v1/indicators/provinces/510000?period=2020")
            .json();
    assertThat(sichuan.at("/hospitals").asInt()).isEqualTo(2);
    assertThat(sichuan.at("/downward/SUBMITTED").asLong()).isEqualTo(2);
  }

  @Test
  void answersTimeToAcceptGreenChannelRateAndRejectionReasons() {
    Instant t = at(LocalDate.of(2021, 3, 1));
    ReferralRef a = Fixtures.ref(county, tertiary, Direction.UP, Priority.GREEN_CHANNEL, t);
    ReferralRef b = Fixtures.ref(county, tertiary, Direction.UP, Priority.GREEN_CHANNEL, t);
    ReferralRef c = Fixtures.ref(county, tertiary, Direction.UP, Priority.URGENT, t);
    ReferralRef d = Fixtures.ref(county, tertiary, Direction.UP, Priority.URGENT, t);
    publishAll(
        Fixtures.submitted(a),
        Fixtures.accepted(a, Duration.ofMinutes(10)),
        Fixtures.submitted(b),
        Fixtures.accepted(b, Duration.ofMinutes(50)),
        Fixtures.submitted(c),
        Fixtures.accepted(c, Duration.ofMinutes(30)),
        Fixtures.submitted(d),
        Fixtures.rejected(d, "NO_BED", Duration.ofMinutes(5)));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        ops("/api/v1/indicators/hospitals/" + county + "?period=2021-03")
                            .at("/upward/REJECTED")
                            .asLong())
                    .isEqualTo(1));
    JsonNode r = ops("/api/v1/indicators/hospitals/" + county + "?period=2021-03");
    assertThat(r.at("/upward/SUBMITTED").asLong()).isEqualTo(4);
    assertThat(r.at("/acceptanceRate/UP").asDouble()).isEqualTo(0.75);
    assertThat(r.at("/timeToAccept/count").asLong()).isEqualTo(3);
    assertThat(r.at("/timeToAccept/medianSeconds").asDouble()).isEqualTo(1800.0);
    assertThat(r.at("/timeToAccept/p90Seconds").asDouble()).isEqualTo(2760.0);
    assertThat(r.at("/greenChannel/answered").asLong()).isEqualTo(2);
    assertThat(r.at("/greenChannel/withinDeadline").asLong()).isEqualTo(1);
    assertThat(r.at("/rejectionReasons/NO_BED").asLong()).isEqualTo(1);
  }

  @Test
  void lateEventRestatesAClosedPeriodAndSaysWhen() {
    publishAll(
        Fixtures.submitted(
            Fixtures.ref(
                county, township, Direction.DOWN, Priority.ROUTINE, at(LocalDate.of(2022, 2, 3)))),
        Fixtures.submitted(
            Fixtures.ref(
                county, township, Direction.DOWN, Priority.ROUTINE, at(LocalDate.of(2022, 5, 6)))));
    String path = "/api/v1/indicators/hospitals/" + county + "?period=2022&granularity=quarter";
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(ops(path).at("/downward/SUBMITTED").asLong()).isEqualTo(2));
    JsonNode before = ops(path);
    assertThat(before.at("/buckets").size()).isEqualTo(4);
    assertThat(before.at("/buckets/0/downward/SUBMITTED").asLong()).isEqualTo(1);
    assertThat(before.at("/buckets/1/downward/SUBMITTED").asLong()).isEqualTo(1);
    Instant q1Changed = Instant.parse(before.at("/buckets/0/lastChangedAt").asString());

    publishAll(
        Fixtures.submitted(
            Fixtures.ref(
                county,
                township,
                Direction.DOWN,
                Priority.ROUTINE,
                at(LocalDate.of(2022, 3, 30)))));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(ops(path).at("/buckets/0/downward/SUBMITTED").asLong()).isEqualTo(2));
    JsonNode after = ops(path);
    assertThat(Instant.parse(after.at("/buckets/0/lastChangedAt").asString())).isAfter(q1Changed);
    assertThat(after.at("/buckets/1/lastChangedAt").asString())
        .isEqualTo(before.at("/buckets/1/lastChangedAt").asString());
  }

  @Test
  void tracesACountToItsEvents() {
    CloudEvent<PlatformEvent> first =
        Fixtures.submitted(
            Fixtures.ref(
                county, tertiary, Direction.UP, Priority.URGENT, at(LocalDate.of(2023, 7, 1))));
    CloudEvent<PlatformEvent> second =
        Fixtures.submitted(
            Fixtures.ref(
                county, tertiary, Direction.UP, Priority.URGENT, at(LocalDate.of(2023, 7, 2))));
    publishAll(first, second);
    String path =
        "/api/v1/indicators/hospitals/"
            + county
            + "/events?direction=UP&stage=SUBMITTED&period=2023";
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(ops(path).size()).isEqualTo(2));
    JsonNode events = ops(path);
    assertThat(List.of(events.at("/0/eventId").asString(), events.at("/1/eventId").asString()))
        .containsExactly(first.id().toString(), second.id().toString());
  }

  @Test
  void namesTheParameterOfABadQuery() {
    ApiClient api = api(TestTokens.ops());
    String base = "/api/v1/indicators/hospitals/" + county;
    assertProblem(api.get(base + "?period=2020-13"), 400, "period");
    assertProblem(api.get(base + "?from=2021-01-01&to=2020-01-01"), 400, "to");
    assertProblem(api.get(base + "?from=2021-01-01"), 400, "to");
    assertProblem(
        api.get(base + "?from=2010-01-01&to=2020-12-31&granularity=day"), 400, "granularity");
    assertProblem(api.get(base + "?granularity=hourly"), 400, "granularity");
    assertThat(api.get("/api/v1/indicators/hospitals/NO-SUCH-HOSPITAL").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/indicators/alliances/NO-SUCH-ALLIANCE").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/indicators/provinces/990000").status()).isEqualTo(404);
  }

  @Test
  void hisClientsSeeOnlyTheirOwnHospitalAndManagersTheirAlliances() {
    String base = "/api/v1/indicators/";
    assertThat(api(TestTokens.his(county, alliance)).get(base + "hospitals/" + county).status())
        .isEqualTo(200);
    assertThat(api(TestTokens.his(county, alliance)).get(base + "hospitals/" + township).status())
        .isEqualTo(403);
    assertThat(api(TestTokens.his(county, alliance)).get(base + "alliances/" + alliance).status())
        .isEqualTo(403);
    assertThat(
            api(TestTokens.coordinator(tertiary, null, alliance))
                .get(base + "hospitals/" + county)
                .status())
        .isEqualTo(403);
    assertThat(api(TestTokens.manager(alliance)).get(base + "hospitals/" + township).status())
        .isEqualTo(200);
    assertThat(api(TestTokens.manager("OTHER")).get(base + "alliances/" + alliance).status())
        .isEqualTo(403);
    assertThat(api(TestTokens.manager("OTHER")).get(base + "hospitals/" + county).status())
        .isEqualTo(403);
  }

  private void publishAll(CloudEvent<?>... events) {
    for (CloudEvent<?> e : events) {
      publisher.publish(e);
    }
  }

  private static void assertProblem(ApiClient.Response response, int status, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.json().at("/errors/0/field").asString()).isEqualTo(field);
  }

  private JsonNode ops(String path) {
    ApiClient.Response response = api(TestTokens.ops()).get(path);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private ApiClient api(String token) {
    return ApiClient.localhost(port).withHeader("Authorization", TestTokens.bearer(token));
  }
}
