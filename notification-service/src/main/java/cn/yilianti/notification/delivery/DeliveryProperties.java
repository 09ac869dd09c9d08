package cn.yilianti.notification.delivery;

import cn.yilianti.events.registry.ChannelType;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deliveries are retried and protected. {@code rateLimits} are calls per second per channel;
 * the breaker and bulkhead settings apply to each endpoint ({@code <channel>-<hospital>}).
 */
@ConfigurationProperties("notification.delivery")
public record DeliveryProperties(
    @DefaultValue("10") int maxAttempts,
    @DefaultValue("1s") Duration backoffInitial,
    @DefaultValue("5m") Duration backoffMax,
    @DefaultValue("200ms") Duration pollInterval,
    @DefaultValue("100") int batchSize,
    @DefaultValue("64") int concurrency,
    @DefaultValue("60s") Duration lease,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("5s") Duration requestTimeout,
    @DefaultValue("50") int breakerFailureRate,
    @DefaultValue("10") int breakerWindow,
    @DefaultValue("5") int breakerMinimumCalls,
    @DefaultValue("30s") Duration breakerOpenFor,
    @DefaultValue("8") int bulkheadConcurrency,
    @DefaultValue("500ms") Duration bulkheadWait,
    Map<ChannelType, Integer> rateLimits) {

  public DeliveryProperties {
    rateLimits = rateLimits == null ? Map.of() : rateLimits;
  }

  /** Calls per second allowed on {@code channel}. */
  public int rateLimit(ChannelType channel) {
    return rateLimits.getOrDefault(
        channel,
        switch (channel) {
          case WEBHOOK -> 2000;
          case EMAIL -> 50;
          case WECOM, DINGTALK -> 20;
          case SMS -> 20;
        });
  }
}
