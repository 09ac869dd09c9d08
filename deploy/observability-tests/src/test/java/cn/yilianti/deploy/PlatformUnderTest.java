package cn.yilianti.deploy;

import cn.yilianti.local.Platform;
import cn.yilianti.local.PlatformSettings;
import cn.yilianti.local.ServiceKind;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.TestInfrastructure;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The platform as deploy/local/run starts it (the lead's launcher library): each service in its own
 * process on a free port, its own Kafka broker, databases on the tests' PostgreSQL (dropped on
 * close).
 */
final class PlatformUnderTest implements AutoCloseable {

  private final Platform platform;

  private PlatformUnderTest(Platform platform) {
    this.platform = platform;
  }

  static PlatformUnderTest start(Path runDir) {
    Map<ServiceKind, Integer> ports = new EnumMap<>(ServiceKind.class);
    for (ServiceKind kind : ServiceKind.values()) {
      ports.put(kind, TestInfrastructure.freePort());
    }
    PlatformSettings settings =
        new PlatformSettings(
            Repo.root(),
            runDir,
            ports,
            TestInfrastructure.freePort(),
            TestInfrastructure.freePort(),
            0,
            "obs_" + ProcessHandle.current().pid() + "_",
            List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            List.of("--spring.datasource.hikari.maximum-pool-size=5"));
    PlatformUnderTest running = new PlatformUnderTest(new Platform(settings));
    try {
      running.platform.usePostgres(TestInfrastructure.get().postgres());
      running.platform.startKafka();
      running.platform.startServices();
      return running;
    } catch (RuntimeException e) {
      running.close();
      throw e;
    }
  }

  Map<ServiceKind, Integer> ports() {
    return platform.settings().ports();
  }

  String kafkaBootstrapServers() {
    return platform.kafka().bootstrapServers();
  }

  ApiClient api(ServiceKind kind) {
    return new ApiClient(platform.settings().baseUrl(kind));
  }

  @Override
  public void close() {
    platform.close();
    platform.dropDatabases();
  }
}
