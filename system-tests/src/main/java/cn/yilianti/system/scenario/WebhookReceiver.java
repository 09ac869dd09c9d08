package cn.yilianti.system.scenario;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A hospital HIS's webhook endpoint on this machine: answers 200, or is down (its port closed), or
 * slow; counts what it received by {@code webhook-id}, so a message taken twice shows.
 */
public final class WebhookReceiver implements AutoCloseable {

  private final int port;
  private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
  private final LongAdder requests = new LongAdder();
  private volatile Duration delay = Duration.ZERO;
  private HttpServer server;

  public WebhookReceiver(int port) {
    this.port = port;
    up();
  }

  public String url(String hospital) {
    return "http://127.0.0.1:" + port + "/his/" + hospital + "/events";
  }

  public synchronized void up() {
    if (server != null) {
      return;
    }
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/his/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          requests.increment();
          try {
            Thread.sleep(delay);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          String id = exchange.getRequestHeaders().getFirst("webhook-id");
          received.computeIfAbsent(String.valueOf(id), k -> new AtomicInteger()).incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  /** The port closed: senders get connection refused. */
  public synchronized void down() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  public void slow(Duration delay) {
    this.delay = delay;
  }

  /** Requests received (all attempts). */
  public long requests() {
    return requests.sum();
  }

  /** Distinct messages received. */
  public long messages() {
    return received.size();
  }

  /** Messages received more than once (a retry after a lost answer, deduplicated by id). */
  public long receivedAgain() {
    return received.values().stream().filter(n -> n.get() > 1).count();
  }

  @Override
  public void close() {
    down();
  }
}
