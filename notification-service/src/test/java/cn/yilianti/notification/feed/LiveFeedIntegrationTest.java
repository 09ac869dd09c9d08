package cn.yilianti.notification.feed;

import static cn.yilianti.notification.support.Hospitals.email;
import static cn.yilianti.notification.support.Hospitals.hospital;
import static cn.yilianti.notification.support.Hospitals.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.events.registry.CoordinatorRole;
import cn.yilianti.notification.support.IntegrationTestBase;
import cn.yilianti.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LiveFeedIntegrationTest extends IntegrationTestBase {

  @Test
  void coordinatorSeesANewReferralForTheirDepartmentOnTheLiveFeed() throws Exception {
    String to = uniqueCode("TO");
    register(
        hospital(to)
            .coordinator("a", CoordinatorRole.COORDINATOR, "CARDIOLOGY", email("a@to.test"))
            .coordinator("b", CoordinatorRole.COORDINATOR, null, email("b@to.test"))
            .build());
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/notifications/stream"))
            .header("Authorization", TestTokens.bearer(TestTokens.coordinator(to, "CARDIOLOGY")))
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<Stream<String>> response =
        client.send(request, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    Thread reader = Thread.ofVirtual().start(() -> response.body().forEach(lines::add));
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:ready"));
      ReferralRef ref = referral(uniqueCode("FROM"), to, Priority.GREEN_CHANNEL, "CARDIOLOGY");

      publisher.publish(submitted(ref));

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> lines.stream().anyMatch(l -> l.contains(ref.referralNumber())));
      assertThat(lines).containsOnlyOnce("event:referral.submitted");
      assertThat(
              lines.stream().filter(l -> l.startsWith("data:") && l.contains(ref.referralNumber())))
          .singleElement()
          .asString()
          .contains(
              "\"priority\":\"GREEN_CHANNEL\"", "\"patientKey\":\"pk-" + ref.referralNumber());
    } finally {
      reader.interrupt();
      client.shutdownNow();
    }
    assertThat(as(TestTokens.his(to)).get("/api/v1/notifications/stream").status()).isEqualTo(403);
  }
}
