package cn.yilianti.system.scenario;

import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.local.ServiceKind;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.TestInfrastructure;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real receivers for every notification the platform sends, so a run can show that none is lost:
 * the hospitals' HIS webhooks ({@link #his()}, the one a fault takes down), the WeCom and DingTalk
 * group robots and the SMS gateway ({@link #robots()}), and an SMTP server (GreenMail) for email.
 * {@link #wire} points the seeded hospitals at them through the public APIs, as an ops engineer
 * would: a webhook signing secret in notification-service, the addresses in the registry (which
 * notification-service follows through the hospital-registry topic).
 */
public final class NotificationReceivers implements AutoCloseable {

  /** The seed's alliances and the demo users who manage them. */
  private static final Map<String, String> MANAGERS =
      Map.of("CQMU2-1P8", "alliance1-manager", "SGH-JT", "alliance2-manager");

  private static final Set<String> HTTP_CHANNELS =
      Set.of(ChannelType.WEBHOOK.name(), ChannelType.WECOM.name(), ChannelType.DINGTALK.name());

  private final WebhookReceiver his = new WebhookReceiver(TestInfrastructure.freePort());
  private final WebhookReceiver robots = new WebhookReceiver(TestInfrastructure.freePort());
  private final GreenMail smtp =
      new GreenMail(new ServerSetup(TestInfrastructure.freePort(), "127.0.0.1", "smtp"));

  public NotificationReceivers() {
    smtp.start();
  }

  /**
   * What every service is started with: the SMTP server and the SMS gateway, and per-channel rate
   * limits these local servers can take (the defaults, 50 emails/s and 20 robot messages/s, are
   * what a hospital's mail relay and the robot services allow).
   */
  public List<String> serviceArgs() {
    return List.of(
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtp.getSmtp().getPort(),
        "--notification.sms.url=" + robots.url("sms-gateway"),
        "--notification.delivery.rate-limits.EMAIL=1000",
        "--notification.delivery.rate-limits.WECOM=1000",
        "--notification.delivery.rate-limits.DINGTALK=1000");
  }

  /** The hospitals' HIS webhook receiver. */
  public WebhookReceiver his() {
    return his;
  }

  /** The group robots' and the SMS gateway's receiver. */
  public WebhookReceiver robots() {
    return robots;
  }

  /** Emails the SMTP server took. */
  public int emails() {
    return smtp.getReceivedMessages().length;
  }

  /** One line on what the receivers took so far, for the report. */
  public String summary() {
    return "receivers took %d HIS webhook messages (%d twice), %d robot/SMS posts, %d emails"
        .formatted(his.messages(), his.receivedAgain(), robots.requests(), emails());
  }

  /**
   * Points every seeded hospital's HIS webhook and every group-robot address at these receivers
   * (email addresses stay: the SMTP server takes every recipient). Returns what it changed.
   */
  public String wire(SystemUnderTest system) {
    int hospitals = 0;
    int webhooks = 0;
    for (Map.Entry<String, String> alliance : MANAGERS.entrySet()) {
      ApiClient registry =
          system
              .platform()
              .api(ServiceKind.REGISTRY, system.target().credentials().user(alliance.getValue()));
      ApiClient.Response page =
          registry.get("/api/v1/hospitals?alliance=" + alliance.getKey() + "&size=500");
      require(page, 200, "hospitals of " + alliance.getKey());
      for (JsonNode listed : page.json().path("items")) {
        String code = listed.path("code").asString();
        ApiClient.Response current = registry.get("/api/v1/hospitals/" + code);
        require(current, 200, "registry entry of " + code);
        ObjectNode body = (ObjectNode) current.json();
        int changed = rewrite(body.path("endpoints"), code);
        for (JsonNode coordinator : body.path("coordinators")) {
          changed += rewrite(coordinator.path("contacts"), code);
        }
        if (changed == 0) {
          continue;
        }
        if (hasWebhook(body)) {
          ApiClient.Response secret =
              system
                  .platform()
                  .api(ServiceKind.NOTIFICATION, system.target().credentials().user("ops"))
                  .put("/api/v1/notifications/hospitals/" + code + "/webhook-secret", "{}");
          require(secret, 200, "webhook secret for " + code);
          webhooks++;
        }
        ApiClient.Response updated =
            registry.put(
                "/api/v1/hospitals/" + code,
                body.toString(),
                "If-Match",
                String.valueOf(current.header("ETag")));
        require(updated, 200, "updating " + code + "'s addresses");
        hospitals++;
      }
    }
    if (hospitals == 0 || webhooks == 0) {
      throw new IllegalStateException(
          "no hospital's webhook or robot was pointed at the local receivers");
    }
    return "%d hospitals' webhooks and robots point at local receivers (%d HIS webhooks signed)"
        .formatted(hospitals, webhooks);
  }

  private int rewrite(JsonNode contacts, String hospital) {
    int changed = 0;
    for (JsonNode contact : contacts) {
      String channel = contact.path("channel").asString("");
      if (HTTP_CHANNELS.contains(channel)) {
        WebhookReceiver target = channel.equals(ChannelType.WEBHOOK.name()) ? his : robots;
        ((ObjectNode) contact).put("address", target.url(hospital + "/" + channel.toLowerCase()));
        changed++;
      }
    }
    return changed;
  }

  private static boolean hasWebhook(JsonNode hospital) {
    for (JsonNode endpoint : hospital.path("endpoints")) {
      if (ChannelType.WEBHOOK.name().equals(endpoint.path("channel").asString(""))) {
        return true;
      }
    }
    return false;
  }

  private static void require(ApiClient.Response response, int status, String what) {
    if (response.status() != status) {
      throw new IllegalStateException(what + ": " + response);
    }
  }

  @Override
  public void close() {
    his.close();
    robots.close();
    smtp.stop();
  }
}
