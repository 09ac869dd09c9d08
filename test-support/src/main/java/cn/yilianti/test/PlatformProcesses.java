package cn.yilianti.test;

import cn.yilianti.local.Platform;
import cn.yilianti.local.PlatformSettings;
import cn.yilianti.local.ServiceKind;
import cn.yilianti.local.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The platform as {@code deploy/local/run} starts it, for tests across processes: each service in
 * its own process on a free port, its own Kafka broker, databases on the tests' PostgreSQL (dropped
 * on close). The registry seeds both alliances and issues the tokens ({@link #credentials()}). The
 * repository root comes from the {@code repo.root} system property.
 */
public final class PlatformProcesses implements AutoCloseable {

  private final Platform platform;
  private @Nullable DemoCredentials credentials;

  private PlatformProcesses(Platform platform) {
    this.platform = platform;
  }

  /**
   * Starts everything; {@code prefix} names the databases, {@code extraArgs} go to every service.
   */
  public static PlatformProcesses start(String prefix, List<String> extraArgs) {
    return start(prefix, extraArgs, TestInfrastructure.get().postgres());
  }

  /**
   * Starts everything on the given PostgreSQL server (e.g. a private one a test may restart);
   * {@code prefix} names the databases, {@code extraArgs} go to every service.
   */
  public static PlatformProcesses start(
      String prefix, List<String> extraArgs, PostgresServer postgres) {
    Path runDir;
    try {
      runDir = Files.createTempDirectory(prefix + "run");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<ServiceKind, Integer> ports = new EnumMap<>(ServiceKind.class);
    for (ServiceKind kind : ServiceKind.values()) {
      ports.put(kind, TestInfrastructure.freePort());
    }
    List<String> args = new ArrayList<>();
    args.add("--spring.datasource.hikari.maximum-pool-size=5");
    args.addAll(extraArgs);
    PlatformSettings settings =
        new PlatformSettings(
            repoRoot(),
            runDir,
            ports,
            TestInfrastructure.freePort(),
            TestInfrastructure.freePort(),
            0,
            prefix + ProcessHandle.current().pid() + "_",
            List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            args);
    PlatformProcesses running = new PlatformProcesses(new Platform(settings));
    try {
      running.platform.usePostgres(postgres);
      running.platform.startKafka();
      running.platform.startServices();
      return running;
    } catch (RuntimeException e) {
      running.close();
      throw e;
    }
  }

  public static Path repoRoot() {
    return Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
  }

  public Platform platform() {
    return platform;
  }

  public Map<ServiceKind, Integer> ports() {
    return platform.settings().ports();
  }

  public String kafkaBootstrapServers() {
    return platform.kafka().bootstrapServers();
  }

  /** Real tokens from the registry of this platform, for the principals it seeded. */
  public synchronized DemoCredentials credentials() {
    if (credentials == null) {
      credentials = DemoCredentials.read(platform.demoCredentials());
    }
    return credentials;
  }

  /** A service's API as operations staff, with a real token. */
  public ApiClient api(ServiceKind kind) {
    return api(kind, credentials().user("ops"));
  }

  /** A service's API with the given token. */
  public ApiClient api(ServiceKind kind, String token) {
    return new ApiClient(platform.settings().baseUrl(kind))
        .withHeader("Authorization", TestTokens.bearer(token));
  }

  @Override
  public void close() {
    platform.close();
    platform.dropDatabases();
  }
}
