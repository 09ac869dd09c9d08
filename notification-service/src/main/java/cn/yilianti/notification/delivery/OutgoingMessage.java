package cn.yilianti.notification.delivery;

import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.notification.notice.CaseNotice;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One claimed delivery with everything a channel needs to render and send it. {@code messageId}
 * stays the same across retries, so a receiver can de-duplicate.
 */
public record OutgoingMessage(
    long deliveryId,
    UUID messageId,
    UUID notificationId,
    UUID eventId,
    String eventType,
    Instant eventTime,
    int escalationLevel,
    ChannelType channel,
    String address,
    String hospital,
    @Nullable String recipientName,
    int attempts,
    CaseNotice notice) {

  /** Resilience4j instance name: {@code <channel>} or {@code <channel>-<hospital code>}. */
  public String endpointName(boolean perHospital) {
    String channelName = channel.name().toLowerCase(Locale.ROOT);
    return perHospital ? channelName + "-" + hospital : channelName;
  }
}
