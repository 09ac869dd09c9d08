package cn.yilianti.notification.support;

import static org.awaitility.Awaitility.await;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.PlatformEvent;
import cn.yilianti.events.fixtures.SampleEvents;
import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.events.referral.ReferralSubmitted;
import cn.yilianti.events.registry.HospitalStateChanged;
import cn.yilianti.platform.registry.HospitalDirectory;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.EventPublisher;
import cn.yilianti.test.RealInfrastructure;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TestTokens;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for every notification integration test: real PostgreSQL and Kafka, a real
 * HTTP receiver (webhooks, robots, SMS gateway) and a real SMTP server (GreenMail). Retries,
 * breakers and escalation steps are shortened so that tests take seconds.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "notification.delivery.max-attempts=6",
      "notification.delivery.backoff-initial=100ms",
      "notification.delivery.backoff-max=1s",
      "notification.delivery.poll-interval=50ms",
      "notification.delivery.breaker-open-for=1s",
      "notification.delivery.breaker-window=4",
      "notification.delivery.breaker-minimum-calls=4",
      "notification.delivery.request-timeout=2s",
      "notification.escalation.poll-interval=200ms",
      "notification.escalation.priorities.GREEN_CHANNEL.acknowledge-within=1s",
      "notification.escalation.priorities.GREEN_CHANNEL.step=1s",
      "notification.escalation.priorities.URGENT.step=2s",
      "notification.metrics.refresh=300ms",
      "platform.consumer.dead-letter-refresh=1s",
      "notification.content.languages.EN-TEST=en"
    })
@RealInfrastructure
public abstract class IntegrationTestBase {

  protected static final Receiver RECEIVER = new Receiver();
  protected static final GreenMail MAIL = startMail();
  protected static final String KAFKA = TestInfrastructure.get().kafkaBootstrapServers();

  @LocalServerPort protected int port;
  @Autowired protected HospitalDirectory directory;

  protected final EventPublisher publisher = new EventPublisher(KAFKA);

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    registry.add("notification.sms.url", () -> RECEIVER.url("/sms"));
  }

  @AfterEach
  void closePublisher() {
    publisher.close();
  }

  private static GreenMail startMail() {
    GreenMail mail =
        new GreenMail(new ServerSetup(TestInfrastructure.freePort(), "127.0.0.1", "smtp"));
    mail.start();
    return mail;
  }

  /** Publishes the hospital on the registry topic and waits until this service knows it. */
  protected void register(HospitalStateChanged hospital) {
    publisher.publish(event(hospital));
    await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(hospital.code()).isPresent());
  }

  /** Sets the hospital's webhook secret as OPS would, returning the generated secret. */
  protected String webhookSecret(String hospital) {
    return ops()
        .put("/api/v1/notifications/hospitals/" + hospital + "/webhook-secret", Map.of())
        .json()
        .path("generatedSecret")
        .asString();
  }

  protected ApiClient ops() {
    return as(TestTokens.ops());
  }

  protected ApiClient as(String token) {
    return ApiClient.localhost(port).withHeader("Authorization", TestTokens.bearer(token));
  }

  protected static ReferralRef referral(
      String from, String to, Priority priority, @Nullable String toDepartment) {
    Instant now = Instant.now();
    return new ReferralRef(
        UUID.randomUUID(),
        "R-" + UUID.randomUUID().toString().substring(0, 6),
        Direction.UP,
        priority,
        from,
        "CARDIOLOGY",
        to,
        toDepartment,
        now,
        now.plus(Duration.ofHours(2)));
  }

  protected static CloudEvent<PlatformEvent> submitted(ReferralRef ref) {
    return event(new ReferralSubmitted(ref, "I21.4", "pk-" + ref.referralNumber(), null, null));
  }

  protected static CloudEvent<PlatformEvent> event(PlatformEvent data) {
    return CloudEvent.of(SampleEvents.SOURCE, data, Instant.now());
  }
}
