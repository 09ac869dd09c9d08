package cn.yilianti.system;

import cn.yilianti.local.Platform;
import cn.yilianti.local.PlatformSettings;
import cn.yilianti.local.ServiceKind;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.TestInfrastructure;
import cn.yilianti.test.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The platform as separate processes on free ports, with its own broker and databases on the tests'
 * PostgreSQL server; dropped again on close.
 */
final class RunningPlatform implements AutoCloseable {

  private final Platform platform;

  private RunningPlatform(Platform platform) {
    this.platform = platform;
  }

  static RunningPlatform start() {
    Path repo = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    Path runDir;
    try {
      runDir = Files.createTempDirectory("platform-run");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<ServiceKind, Integer> ports = new EnumMap<>(ServiceKind.class);
    for (ServiceKind kind : ServiceKind.values()) {
      ports.put(kind, TestInfrastructure.freePort());
    }
    PlatformSettings settings =
        new PlatformSettings(
            repo,
            runDir,
            ports,
            TestInfrastructure.freePort(),
            TestInfrastructure.freePort(),
            0,
            "st_" + ProcessHandle.current().pid() + "_",
            List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            Stream.concat(
                    Stream.of("--spring.datasource.hikari.maximum-pool-size=5"),
                    TestTokens.serviceArguments().stream())
                .toList());
    Platform platform = new Platform(settings);
    RunningPlatform running = new RunningPlatform(platform);
    try {
      platform.usePostgres(TestInfrastructure.get().postgres());
      platform.startKafka();
      platform.startServices();
      return running;
    } catch (RuntimeException e) {
      running.close();
      throw e;
    }
  }

  Platform platform() {
    return platform;
  }

  /** A service's API as operations staff. */
  ApiClient api(ServiceKind kind) {
    return api(kind, TestTokens.ops());
  }

  ApiClient api(ServiceKind kind, String token) {
    return new ApiClient(platform.settings().baseUrl(kind))
        .withHeader("Authorization", TestTokens.bearer(token));
  }

  @Override
  public void close() {
    platform.close();
    platform.dropDatabases();
  }
}
