package cn.yilianti.notification.delivery;

import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.notification.metrics.NotificationMetrics;
import cn.yilianti.notification.notice.NotificationsCreated;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Claims due deliveries and sends each on a virtual thread, at most {@code concurrency} at a time.
 * New notifications and finished sends wake it at once; otherwise it polls. Every outcome is
 * written back to the queue (attempt row, next try or park), so a restart loses nothing.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final Object TOKEN = new Object();

  private final DeliveryQueue queue;
  private final ResilientSender sender;
  private final NotificationMetrics metrics;
  private final DeliveryProperties properties;
  private final Backoff backoff;
  private final Map<ChannelType, Channel> channels = new EnumMap<>(ChannelType.class);
  private final Semaphore inFlight;
  private final Map<String, Instant> heldUntil = new ConcurrentHashMap<>();
  private final BlockingQueue<Object> wake = new LinkedBlockingQueue<>(1);
  private volatile boolean running;
  private @Nullable Thread loop;
  private @Nullable ExecutorService executor;

  DeliveryWorker(
      DeliveryQueue queue,
      ResilientSender sender,
      NotificationMetrics metrics,
      DeliveryProperties properties,
      List<Channel> channels) {
    this.queue = queue;
    this.sender = sender;
    this.metrics = metrics;
    this.properties = properties;
    this.backoff = new Backoff(properties.backoffInitial(), properties.backoffMax());
    this.inFlight = new Semaphore(properties.concurrency());
    channels.forEach(c -> this.channels.put(c.type(), c));
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(NotificationsCreated created) {
    wakeUp();
  }

  void wakeUp() {
    wake.offer(TOKEN);
  }

  @Override
  public void start() {
    running = true;
    executor = Executors.newVirtualThreadPerTaskExecutor();
    loop = Thread.ofPlatform().name("delivery-worker").daemon().start(this::run);
  }

  @Override
  public void stop() {
    running = false;
    // No interrupt: a batch the loop has just claimed (SENDING) is still handed to the executor
    // and finished below, instead of waiting out its lease.
    wakeUp();
    Thread t = loop;
    if (t != null) {
      join(t);
    }
    ExecutorService e = executor;
    if (e != null) {
      e.shutdown();
      try {
        e.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    while (running) {
      try {
        int free = inFlight.availablePermits();
        List<OutgoingMessage> batch =
            free == 0
                ? List.of()
                : queue.claim(Math.min(free, properties.batchSize()), properties.lease());
        if (batch.isEmpty()) {
          wake.poll(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          continue;
        }
        for (OutgoingMessage message : batch) {
          inFlight.acquireUninterruptibly();
          executor.execute(() -> deliver(message));
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (running) {
          log.warn("Delivery worker could not claim deliveries: {}", e.toString());
          pause();
        }
      }
    }
  }

  private void deliver(OutgoingMessage message) {
    try {
      Channel channel = channels.get(message.channel());
      if (channel == null) {
        queue.failed(message, 0, "no channel " + message.channel() + " configured", null);
        return;
      }
      switch (sender.send(channel, message)) {
        case SendOutcome.Sent s -> {
          queue.sent(message, s.latencyMs());
          if (s.afterTrouble()) {
            String hospital = endpointHospital(channel, message);
            heldUntil.remove(message.channel() + "|" + hospital);
            if (queue.releaseEndpoint(message.channel(), hospital) > 0) {
              wakeUp();
            }
          }
          metrics.sent(message.channel(), Duration.between(message.eventTime(), Instant.now()));
        }
        case SendOutcome.Failed f -> {
          int attempt = message.attempts() + 1;
          queue.failed(
              message,
              f.latencyMs(),
              f.error(),
              attempt >= properties.maxAttempts() ? null : backoff.after(attempt));
          metrics.failed(message.channel());
        }
        case SendOutcome.Invalid i -> {
          queue.failed(message, i.latencyMs(), "invalid-endpoint: " + i.error(), null);
          metrics.failed(message.channel());
        }
        case SendOutcome.CircuitOpen o -> {
          queue.deferred(message, "circuit-open", o.retryIn());
          hold(channel, message, o.retryIn());
        }
        case SendOutcome.Deferred d -> queue.deferred(message, d.reason(), d.retryIn());
      }
    } catch (RuntimeException e) {
      // The lease brings the delivery back if its outcome could not be written.
      log.warn(
          "Could not record the outcome of delivery {}: {}", message.deliveryId(), e.toString());
    } finally {
      inFlight.release();
      wakeUp();
    }
  }

  /**
   * Holds the endpoint's backlog once per open period: the other deliveries of the same claimed
   * batch that find the circuit open need not repeat the statement.
   */
  private void hold(Channel channel, OutgoingMessage message, Duration retryIn) {
    String hospital = endpointHospital(channel, message);
    String key = message.channel() + "|" + hospital;
    Instant until = Instant.now().plus(retryIn);
    Instant held = heldUntil.get(key);
    if (held != null && held.isAfter(until.minus(retryIn.dividedBy(2)))) {
      return;
    }
    if (sender.breaker(message.endpointName(channel.perHospitalEndpoint())).getState()
        == CircuitBreaker.State.CLOSED) {
      return; // a trial call succeeded meanwhile: the endpoint works again
    }
    heldUntil.put(key, until);
    queue.holdEndpoint(message.channel(), hospital, retryIn);
  }

  /** The hospital whose endpoint this is, or null when the channel has one endpoint for all. */
  private static @Nullable String endpointHospital(Channel channel, OutgoingMessage message) {
    return channel.perHospitalEndpoint() ? message.hospital() : null;
  }

  private static void join(Thread t) {
    try {
      t.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(Duration.ofSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
