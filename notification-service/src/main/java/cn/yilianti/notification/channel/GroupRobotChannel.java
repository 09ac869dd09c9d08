package cn.yilianti.notification.channel;

import cn.yilianti.notification.delivery.Channel;
import cn.yilianti.notification.delivery.DeliveryFailedException;
import cn.yilianti.notification.delivery.OutgoingMessage;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WeCom (企业微信) or DingTalk group robot: a markdown message POSTed to the robot's webhook URL;
 * both answer {@code {"errcode":0}} on success and a non-zero code (rate limit, bad key) otherwise.
 */
abstract class GroupRobotChannel implements Channel {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpTransport http;
  private final ContentRenderer renderer;

  GroupRobotChannel(HttpTransport http, ContentRenderer renderer) {
    this.http = http;
    this.renderer = renderer;
  }

  /** The robot's JSON message for the rendered content. */
  abstract Map<String, Object> body(Content content);

  @Override
  public boolean perHospitalEndpoint() {
    return true;
  }

  @Override
  public void send(OutgoingMessage message) throws Exception {
    byte[] json = JSON.writeValueAsBytes(body(renderer.render(message)));
    String answer = http.post(HttpTransport.endpoint(message.address()), json, Map.of());
    JsonNode result = JSON.readTree(answer.isBlank() ? "{}" : answer);
    int code = result.path("errcode").asInt(0);
    if (code != 0) {
      throw new DeliveryFailedException(
          "robot errcode " + code + ": " + result.path("errmsg").asString(""));
    }
  }
}
