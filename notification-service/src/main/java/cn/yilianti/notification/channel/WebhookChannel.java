package cn.yilianti.notification.channel;

import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.notification.delivery.Channel;
import cn.yilianti.notification.delivery.InvalidEndpointException;
import cn.yilianti.notification.delivery.OutgoingMessage;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Signed webhooks to a hospital's HIS (Standard Webhooks): {@code webhook-id} is the delivery's
 * message id (the same on every retry, for de-duplication), {@code webhook-timestamp} the send time
 * in epoch seconds, {@code webhook-signature} the HMAC over both and the body.
 */
@Component
class WebhookChannel implements Channel {

  private final HttpTransport http;
  private final WebhookSecrets secrets;
  private final WebhookPayload payload;

  WebhookChannel(HttpTransport http, WebhookSecrets secrets, WebhookPayload payload) {
    this.http = http;
    this.secrets = secrets;
    this.payload = payload;
  }

  @Override
  public ChannelType type() {
    return ChannelType.WEBHOOK;
  }

  @Override
  public boolean perHospitalEndpoint() {
    return true;
  }

  @Override
  public void send(OutgoingMessage message) throws Exception {
    URI uri = HttpTransport.endpoint(message.address());
    String secret =
        secrets
            .find(message.hospital())
            .orElseThrow(
                () ->
                    new InvalidEndpointException(
                        "no webhook secret for hospital " + message.hospital()));
    byte[] body = payload.json(message);
    String id = "msg_" + message.messageId();
    long timestamp = Instant.now().getEpochSecond();
    http.post(
        uri,
        body,
        Map.of(
            "webhook-id", id,
            "webhook-timestamp", Long.toString(timestamp),
            "webhook-signature", WebhookSignature.sign(secret, id, timestamp, body)));
  }
}
