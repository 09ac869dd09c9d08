package cn.yilianti.local;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where and how the platform runs.
 *
 * @param repoRoot the checkout, where each service's runnable jar is found
 * @param runDir data and logs (Kafka, embedded PostgreSQL, service logs)
 * @param ports HTTP port per service
 * @param databasePrefix prefix of the service databases (empty for the local platform)
 * @param serviceArgs extra {@code --key=value} arguments given to every service
 */
public record PlatformSettings(
    Path repoRoot,
    Path runDir,
    Map<ServiceKind, Integer> ports,
    int kafkaPort,
    int kafkaControllerPort,
    int embeddedPostgresPort,
    String databasePrefix,
    List<String> serviceJvmArgs,
    List<String> serviceArgs) {

  /** The local platform's settings: fixed ports unless overridden by environment variables. */
  public static PlatformSettings fromEnvironment(Path repoRoot, Map<String, String> env) {
    Map<ServiceKind, Integer> ports = new EnumMap<>(ServiceKind.class);
    for (ServiceKind kind : ServiceKind.values()) {
      ports.put(
          kind, Integer.parseInt(env.getOrDefault(kind.portVariable(), "" + kind.defaultPort())));
    }
    int kafkaPort = Integer.parseInt(env.getOrDefault("KAFKA_PORT", "9092"));
    return new PlatformSettings(
        repoRoot,
        Path.of(env.getOrDefault("RUN_DIR", repoRoot.resolve("deploy/local/.run").toString())),
        ports,
        kafkaPort,
        Integer.parseInt(env.getOrDefault("KAFKA_CONTROLLER_PORT", "" + (kafkaPort + 1))),
        Integer.parseInt(env.getOrDefault("EMBEDDED_PG_PORT", "5432")),
        "",
        List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
        List.of());
  }

  public String database(ServiceKind kind) {
    return databasePrefix + kind.database();
  }

  public String baseUrl(ServiceKind kind) {
    return "http://127.0.0.1:" + ports.get(kind);
  }
}
