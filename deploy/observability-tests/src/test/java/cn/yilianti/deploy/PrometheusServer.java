package cn.yilianti.deploy;

import cn.yilianti.local.ServiceKind;
import cn.yilianti.local.process.ChildProcess;
import cn.yilianti.local.process.Readiness;
import cn.yilianti.test.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real Prometheus (the {@code prometheus} binary) scraping the platform under test with the jobs
 * of deploy/prometheus/prometheus.yml, pointed at the test's ports, and loading the alert rules of
 * deploy/prometheus/rules. Scrapes and evaluates every 2 seconds.
 */
final class PrometheusServer implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final ChildProcess process;
  private final String baseUrl;

  private PrometheusServer(ChildProcess process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  static PrometheusServer start(Path binary, Path workDir, Map<ServiceKind, Integer> ports) {
    int port = TestInfrastructure.freePort();
    Path config = writeConfig(workDir.resolve("prometheus.yml"), ports);
    ChildProcess process =
        ChildProcess.start(
            "prometheus",
            List.of(
                binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("data"),
                "--storage.tsdb.retention.time=1h",
                "--web.listen-address=127.0.0.1:" + port),
            workDir.resolve("prometheus.log"),
            Map.of());
    String baseUrl = "http://127.0.0.1:" + port;
    Readiness.awaitHttp(process, URI.create(baseUrl + "/-/ready"), Duration.ofSeconds(60));
    return new PrometheusServer(process, baseUrl);
  }

  /** The committed scrape config with the test's targets, 2 s intervals and no Alertmanager. */
  static Path writeConfig(Path file, Map<ServiceKind, Integer> ports) {
    ObjectNode config = (ObjectNode) Repo.yaml(Repo.path("deploy/prometheus/prometheus.yml"));
    ObjectNode global = (ObjectNode) config.path("global");
    // Short enough for a test, long enough for a scrape on a busy 2-core machine.
    global.put("scrape_interval", "2s");
    global.put("scrape_timeout", "2s");
    global.put("evaluation_interval", "2s");
    config.remove("alerting");
    config.putArray("rule_files").add(Repo.path(AlertRules.DIRECTORY).resolve("*.yml").toString());
    ArrayNode jobs = config.putArray("scrape_configs");
    for (JsonNode job :
        Repo.yaml(Repo.path("deploy/prometheus/prometheus.yml")).path("scrape_configs")) {
      String name = job.path("job_name").asString();
      for (ServiceKind kind : ServiceKind.values()) {
        if (kind.module().equals(name)) {
          ObjectNode copy = ((ObjectNode) job).deepCopy();
          copy.putArray("static_configs")
              .addObject()
              .putArray("targets")
              .add("127.0.0.1:" + ports.get(kind));
          jobs.add(copy);
        }
      }
    }
    if (jobs.size() != ServiceKind.values().length) {
      throw new AssertionError(
          "deploy/prometheus/prometheus.yml must have one job per service, named after it");
    }
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, Repo.YAML.writeValueAsString(config));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An instant query: the API's whole answer ({@code status}, {@code data}, {@code error}). */
  JsonNode query(String promql) {
    return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
  }

  /** The series an instant query returns (an error fails). */
  JsonNode series(String promql) {
    JsonNode answer = query(promql);
    if (!"success".equals(answer.path("status").asString())) {
      throw new AssertionError(promql + " failed: " + answer.path("error").asString());
    }
    return answer.at("/data/result");
  }

  JsonNode get(String pathAndQuery) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .build();
    try {
      return Repo.JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String log() {
    return process.tail(30);
  }

  @Override
  public void close() {
    process.stop(Duration.ofSeconds(20));
  }
}
