package cn.yilianti.notification.channel;

import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.notification.delivery.Channel;
import cn.yilianti.notification.delivery.InvalidEndpointException;
import cn.yilianti.notification.delivery.OutgoingMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through a configurable HTTP gateway: {@code POST <gateway-url>} with {@code {"to", "text",
 * "reference"}} and, when set, {@code Authorization: Bearer <token>}; any 2xx is accepted.
 */
@Component
class SmsChannel implements Channel {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");

  private final HttpTransport http;
  private final ContentRenderer renderer;
  private final Gateway gateway;

  SmsChannel(HttpTransport http, ContentRenderer renderer, Gateway gateway) {
    this.http = http;
    this.renderer = renderer;
    this.gateway = gateway;
  }

  @Override
  public ChannelType type() {
    return ChannelType.SMS;
  }

  @Override
  public boolean perHospitalEndpoint() {
    return false;
  }

  @Override
  public void send(OutgoingMessage message) throws Exception {
    if (gateway.url() == null || gateway.url().isBlank()) {
      throw new InvalidEndpointException("no SMS gateway configured (notification.sms.url)");
    }
    if (!PHONE.matcher(message.address()).matches()) {
      throw new InvalidEndpointException("not a phone number: " + message.address());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("to", message.address());
    body.put("text", renderer.render(message).sms());
    body.put("reference", message.messageId().toString());
    Map<String, String> headers =
        gateway.token() == null || gateway.token().isBlank()
            ? Map.of()
            : Map.of("Authorization", "Bearer " + gateway.token());
    http.post(HttpTransport.endpoint(gateway.url()), JSON.writeValueAsBytes(body), headers);
  }

  /** The gateway's URL and optional bearer token. */
  @ConfigurationProperties("notification.sms")
  record Gateway(
      @org.jspecify.annotations.Nullable String url,
      @org.jspecify.annotations.Nullable String token) {}
}
