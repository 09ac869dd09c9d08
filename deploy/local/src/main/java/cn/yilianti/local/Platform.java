package cn.yilianti.local;

import cn.yilianti.local.kafka.KafkaServerProcess;
import cn.yilianti.local.postgres.PostgresLocator;
import cn.yilianti.local.postgres.PostgresServer;
import cn.yilianti.local.process.ChildProcess;
import cn.yilianti.local.process.Readiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The whole platform as separate processes: PostgreSQL (found or embedded), one Kafka broker and
 * the four services. Used by {@code deploy/local/run} and by the system tests, which also stop,
 * kill and restart its parts.
 */
public final class Platform implements AutoCloseable {

  private static final String ISSUER_URI = "--spring.security.oauth2.resourceserver.jwt.issuer-uri";

  /**
   * How long a service may take to become ready; {@code -Dplatform.ready-timeout=600} on a busy
   * machine.
   */
  private static final Duration READY_TIMEOUT =
      Duration.ofSeconds(Long.getLong("platform.ready-timeout", 180));

  private final PlatformSettings settings;
  private final Map<ServiceKind, ChildProcess> services = new EnumMap<>(ServiceKind.class);
  private @Nullable PostgresServer postgres;
  private @Nullable KafkaServerProcess kafka;

  public Platform(PlatformSettings settings) {
    this.settings = settings;
  }

  public PlatformSettings settings() {
    return settings;
  }

  /** Finds or starts PostgreSQL and creates the service databases. */
  public PostgresServer startPostgres() {
    return usePostgres(
        PostgresLocator.fromEnvironment()
            .locate(settings.runDir().resolve("postgres"), settings.embeddedPostgresPort()));
  }

  /** Uses a server found elsewhere (e.g. the tests' server) and creates the service databases. */
  public PostgresServer usePostgres(PostgresServer server) {
    postgres = server;
    for (ServiceKind kind : ServiceKind.values()) {
      server.createDatabaseIfMissing(settings.database(kind));
    }
    return server;
  }

  /** Drops the service databases (system tests clean up after themselves). */
  public void dropDatabases() {
    for (ServiceKind kind : ServiceKind.values()) {
      postgres().dropDatabase(settings.database(kind));
    }
  }

  public KafkaServerProcess startKafka() {
    kafka =
        new KafkaServerProcess(
            settings.runDir().resolve("kafka"),
            settings.kafkaPort(),
            settings.kafkaControllerPort(),
            System.getProperty("java.class.path"),
            List.of());
    kafka.start(Duration.ofSeconds(90));
    return kafka;
  }

  /**
   * Starts every service at once (they do not wait for each other) and waits for all to be ready.
   */
  public void startServices() {
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    for (ServiceKind kind : ServiceKind.values()) {
      ChildProcess child = launch(kind);
      ready.add(CompletableFuture.runAsync(() -> awaitReady(kind, child)));
    }
    CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
  }

  /** Starts one service (again) and waits until it is ready. */
  public void startService(ServiceKind kind) {
    awaitReady(kind, launch(kind));
  }

  /**
   * Starts one more instance of a service on {@code port}, logging to its own file, and waits until
   * it is ready (scaling tests). The caller stops it; {@link #close()} does not know it.
   */
  public ChildProcess startReplica(ServiceKind kind, int port) {
    ChildProcess child =
        ChildProcess.start(
            kind.module() + "-" + port,
            command(kind, port),
            settings.runDir().resolve("logs").resolve(kind.module() + "-" + port + ".log"),
            Map.of());
    Readiness.awaitHttp(
        child,
        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"),
        READY_TIMEOUT);
    return child;
  }

  /** SIGTERM: graceful shutdown. */
  public void stopService(ServiceKind kind) {
    ChildProcess child = services.remove(kind);
    if (child != null) {
      child.stop(Duration.ofSeconds(40));
    }
  }

  /** SIGKILL: the service dies mid-work. */
  public void killService(ServiceKind kind) {
    ChildProcess child = services.remove(kind);
    if (child != null) {
      child.kill();
    }
  }

  public KafkaServerProcess kafka() {
    if (kafka == null) {
      throw new IllegalStateException("Kafka not started");
    }
    return kafka;
  }

  public PostgresServer postgres() {
    if (postgres == null) {
      throw new IllegalStateException("PostgreSQL not started");
    }
    return postgres;
  }

  public @Nullable ChildProcess service(ServiceKind kind) {
    return services.get(kind);
  }

  /** Written by the registry at start: HIS clients, coordinators, managers, ops. */
  public Path demoCredentials() {
    return settings.runDir().resolve("demo-credentials.json");
  }

  public Path logOf(ServiceKind kind) {
    return settings.runDir().resolve("logs").resolve(kind.module() + ".log");
  }

  public Path jarOf(ServiceKind kind) {
    Path target = settings.repoRoot().resolve(kind.module()).resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException("No runnable jar in " + target + "; build first"));
    } catch (IOException e) {
      throw new UncheckedIOException("No " + target + "; build first", e);
    }
  }

  /** Stops services (in parallel, gracefully), then Kafka, then an embedded PostgreSQL. */
  @Override
  public void close() {
    List<CompletableFuture<Void>> stopping = new ArrayList<>();
    for (ServiceKind kind : List.copyOf(services.keySet())) {
      stopping.add(CompletableFuture.runAsync(() -> stopService(kind)));
    }
    CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
    if (kafka != null) {
      kafka.stop();
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (Exception e) {
        System.err.println("Stopping PostgreSQL: " + e.getMessage());
      }
    }
  }

  private ChildProcess launch(ServiceKind kind) {
    ChildProcess child =
        ChildProcess.start(
            kind.module(), command(kind, settings.ports().get(kind)), logOf(kind), Map.of());
    services.put(kind, child);
    return child;
  }

  private List<String> command(ServiceKind kind, int port) {
    PostgresServer pg = postgres();
    List<String> command = new ArrayList<>();
    command.add(ChildProcess.javaBinary());
    command.addAll(settings.serviceJvmArgs());
    command.add("-jar");
    command.add(jarOf(kind).toString());
    command.add("--server.port=" + port);
    command.add("--spring.datasource.url=" + pg.jdbcUrl(settings.database(kind)));
    command.add("--spring.datasource.username=" + pg.user());
    command.add("--spring.datasource.password=" + pg.password());
    command.add("--spring.kafka.bootstrap-servers=" + kafka().bootstrapServers());
    for (ServiceKind other : ServiceKind.values()) {
      command.add("--platform.services." + other.module() + "=" + settings.baseUrl(other));
    }
    String issuer = settings.baseUrl(ServiceKind.REGISTRY);
    if (kind == ServiceKind.REGISTRY) {
      // Both alliances and demo credentials; the issuer is the registry as started here.
      command.add("--registry.seed.enabled=true");
      command.add("--registry.seed.credentials-file=" + demoCredentials());
      command.add("--platform.security.issuer-uri=" + issuer);
    } else if (settings.serviceArgs().stream().noneMatch(a -> a.startsWith(ISSUER_URI + "="))) {
      command.add(ISSUER_URI + "=" + issuer);
    }
    command.addAll(settings.serviceArgs());
    return command;
  }

  private void awaitReady(ServiceKind kind, ChildProcess child) {
    Readiness.awaitHttp(
        child, URI.create(settings.baseUrl(kind) + "/actuator/health/readiness"), READY_TIMEOUT);
  }
}
