package cn.yilianti.notification.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for HIS webhooks, group robots and the SMS gateway. Per path
 * prefix it can answer an error status; {@link #stop()} and {@link #start()} take it down and bring
 * it back on the same port.
 */
public final class Receiver implements AutoCloseable {

  /** One request as it arrived: path, headers (lower-case names) and body. */
  public record Request(
      String path, Map<String, String> headers, String body, int answered, java.time.Instant at) {
    public String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  private final int port;
  private final List<Request> requests = new ArrayList<>();
  private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
  private HttpServer server;

  public Receiver() {
    this.server = create(0);
    this.port = server.getAddress().getPort();
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** Answers {@code status} to every path starting with {@code prefix} (200 restores). */
  public void answer(String prefix, int status) {
    statuses.put(prefix, status);
  }

  public synchronized List<Request> received(String prefix) {
    return requests.stream().filter(r -> r.path().startsWith(prefix)).toList();
  }

  /** Requests under {@code prefix} that were answered 2xx. */
  public List<Request> accepted(String prefix) {
    return received(prefix).stream().filter(r -> r.answered() / 100 == 2).toList();
  }

  public synchronized void stop() {
    server.stop(0);
  }

  public synchronized void start() {
    server = create(port);
    server.start();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private HttpServer create(int onPort) {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 200);
      s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      s.createContext("/", this::handle);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new java.util.HashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
    int status = match(statuses, path, 200);
    synchronized (this) {
      requests.add(new Request(path, headers, body, status, java.time.Instant.now()));
    }
    byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  private static <T> T match(Map<String, T> byPrefix, String path, T otherwise) {
    return byPrefix.entrySet().stream()
        .filter(e -> path.startsWith(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(otherwise);
  }
}
