package cn.yilianti.notification.delivery;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Sends through rate limiter (per channel), then bulkhead, then circuit breaker (both per
 * endpoint). Retrying is the durable queue's job, outside all three, so one logical attempt counts
 * once in the breaker; a rejected call (limit, full bulkhead, open circuit) sends nothing and is
 * not an attempt. An open circuit holds back the endpoint's whole backlog (see {@link
 * DeliveryQueue#holdEndpoint}), so deliveries to endpoints that work are not queued behind it.
 */
@Component
public class ResilientSender {

  private final CircuitBreakerRegistry breakers;
  private final BulkheadRegistry bulkheads;
  private final RateLimiterRegistry limiters;
  private final DeliveryProperties properties;

  ResilientSender(DeliveryProperties properties, MeterRegistry meters) {
    this.properties = properties;
    this.breakers =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.breakerWindow())
                .minimumNumberOfCalls(properties.breakerMinimumCalls())
                .failureRateThreshold(properties.breakerFailureRate())
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .ignoreExceptions(InvalidEndpointException.class)
                .build());
    this.bulkheads =
        BulkheadRegistry.of(
            BulkheadConfig.custom()
                .maxConcurrentCalls(properties.bulkheadConcurrency())
                .maxWaitDuration(properties.bulkheadWait())
                .build());
    this.limiters = RateLimiterRegistry.ofDefaults();
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
  }

  SendOutcome send(Channel channel, OutgoingMessage message) {
    RateLimiter limiter = limiter(channel);
    if (!limiter.acquirePermission()) {
      return new SendOutcome.Deferred("rate-limited", Duration.ofMillis(200));
    }
    String name = message.endpointName(channel.perHospitalEndpoint());
    Bulkhead bulkhead = bulkheads.bulkhead(name);
    try {
      bulkhead.acquirePermission();
    } catch (BulkheadFullException e) {
      return new SendOutcome.Deferred("bulkhead-full", Duration.ofMillis(200));
    }
    long start = System.nanoTime();
    CircuitBreaker breaker = breaker(name);
    // Not CLOSED before the call: this is the trial call of an open circuit (Resilience4j moves
    // OPEN -> HALF_OPEN inside the call itself).
    boolean trial = breaker.getState() != CircuitBreaker.State.CLOSED;
    try {
      breaker.executeCheckedSupplier(
          () -> {
            channel.send(message);
            return null;
          });
      return new SendOutcome.Sent(elapsedMs(start), trial);
    } catch (CallNotPermittedException e) {
      return new SendOutcome.CircuitOpen(properties.breakerOpenFor());
    } catch (InvalidEndpointException e) {
      return new SendOutcome.Invalid(elapsedMs(start), e.getMessage());
    } catch (Throwable e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return new SendOutcome.Failed(elapsedMs(start), describe(e));
    } finally {
      bulkhead.onComplete();
    }
  }

  /** The endpoint's breaker, e.g. {@code webhook-LSX-RMYY} or {@code email}. */
  public CircuitBreaker breaker(String name) {
    return breakers.circuitBreaker(name);
  }

  private RateLimiter limiter(Channel channel) {
    return limiters.rateLimiter(
        channel.type().name().toLowerCase(Locale.ROOT),
        () ->
            RateLimiterConfig.custom()
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .limitForPeriod(properties.rateLimit(channel.type()))
                .timeoutDuration(Duration.ofMillis(100))
                .build());
  }

  private static long elapsedMs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}
