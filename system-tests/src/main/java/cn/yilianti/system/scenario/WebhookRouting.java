package cn.yilianti.system.scenario;

import cn.yilianti.local.ServiceKind;
import cn.yilianti.test.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Points a seeded hospital's webhook endpoint at a {@link WebhookReceiver} through the public APIs,
 * as an ops engineer would: a signing secret in notification-service, the endpoint address in the
 * registry (which notification-service follows through the hospital-registry topic).
 */
public final class WebhookRouting {

  /**
   * @param manager the demo alliance manager who may change the hospital's registry entry
   */
  public static String pointAt(
      SystemUnderTest system, String hospital, String manager, WebhookReceiver receiver) {
    String ops = system.target().credentials().user("ops");
    ApiClient notification = system.platform().api(ServiceKind.NOTIFICATION, ops);
    ApiClient.Response secret =
        notification.put("/api/v1/notifications/hospitals/" + hospital + "/webhook-secret", "{}");
    if (secret.status() >= 300) {
      throw new IllegalStateException("webhook secret for " + hospital + ": " + secret);
    }
    ApiClient registry =
        system.platform().api(ServiceKind.REGISTRY, system.target().credentials().user(manager));
    ApiClient.Response current = registry.get("/api/v1/hospitals/" + hospital);
    if (current.status() != 200) {
      throw new IllegalStateException("registry entry of " + hospital + ": " + current);
    }
    ObjectNode body = (ObjectNode) current.json();
    for (JsonNode endpoint : body.path("endpoints")) {
      if ("WEBHOOK".equals(endpoint.path("channel").asString(""))) {
        ((ObjectNode) endpoint).put("address", receiver.url(hospital));
      }
    }
    ApiClient.Response updated =
        registry.put(
            "/api/v1/hospitals/" + hospital,
            body.toString(),
            "If-Match",
            String.valueOf(current.header("ETag")));
    if (updated.status() != 200) {
      throw new IllegalStateException("updating " + hospital + "'s webhook: " + updated);
    }
    return hospital + "'s webhook now " + receiver.url(hospital);
  }

  private WebhookRouting() {}
}
