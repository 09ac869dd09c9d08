package cn.yilianti.test;

import cn.yilianti.local.kafka.KafkaServerProcess;
import cn.yilianti.local.postgres.PostgresLocator;
import cn.yilianti.local.postgres.PostgresServer;
import cn.yilianti.local.postgres.PostgresServer.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The PostgreSQL server and Kafka broker of this test JVM, started once on first use and stopped
 * when the JVM exits. Set {@code TEST_INFRASTRUCTURE=local} to skip Docker even where it runs.
 */
public final class TestInfrastructure {

  static final String POSTGRES_IMAGE = "postgres:17.6-alpine";
  static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
  private static final String DATABASE_PREFIX = "it_";

  private static @Nullable TestInfrastructure instance;

  private final PostgresServer postgres;
  private final String kafkaBootstrapServers;
  private final String mode;
  private final AtomicInteger databases = new AtomicInteger();
  private @Nullable KafkaServerProcess restartableKafka;

  private TestInfrastructure(PostgresServer postgres, String kafkaBootstrapServers, String mode) {
    this.postgres = postgres;
    this.kafkaBootstrapServers = kafkaBootstrapServers;
    this.mode = mode;
  }

  public static synchronized TestInfrastructure get() {
    if (instance == null) {
      instance = start();
      System.out.println("[test-support] " + instance.mode);
    }
    return instance;
  }

  public PostgresServer postgres() {
    return postgres;
  }

  public String kafkaBootstrapServers() {
    return kafkaBootstrapServers;
  }

  /** Which servers this JVM uses, e.g. for a report. */
  public String mode() {
    return mode;
  }

  /** A new, empty database on the shared server; the caller drops it. */
  public String createDatabase() {
    String name =
        DATABASE_PREFIX + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
    postgres.createDatabaseIfMissing(name);
    return name;
  }

  /**
   * A broker in its own process (data kept across restarts) that a test may stop and start; it is
   * started on first use.
   */
  public synchronized KafkaServerProcess restartableKafka() {
    if (restartableKafka == null) {
      try {
        Path dir = Files.createTempDirectory("kafka-restartable");
        restartableKafka =
            new KafkaServerProcess(
                dir, freePort(), freePort(), System.getProperty("java.class.path"), List.of());
        restartableKafka.start(Duration.ofSeconds(90));
        KafkaServerProcess started = restartableKafka;
        Runtime.getRuntime().addShutdownHook(new Thread(started::kill));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return restartableKafka;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TestInfrastructure start() {
    boolean docker =
        !"local".equalsIgnoreCase(System.getenv("TEST_INFRASTRUCTURE")) && dockerAvailable();
    return docker ? startContainers() : startLocal();
  }

  private static boolean dockerAvailable() {
    boolean socket = Files.exists(Path.of("/var/run/docker.sock"));
    boolean configured =
        System.getenv("DOCKER_HOST") != null
            || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
    if (!socket && !configured) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // stopped by Testcontainers' reaper and the shutdown hook
  private static TestInfrastructure startContainers() {
    PostgreSQLContainer pg = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE));
    KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
    pg.start();
    kafka.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  kafka.stop();
                  pg.stop();
                }));
    PostgresServer server =
        new PostgresServer(
            pg.getHost(),
            pg.getMappedPort(5432),
            pg.getUsername(),
            pg.getPassword(),
            Origin.CONTAINER,
            null);
    return new TestInfrastructure(
        server,
        kafka.getBootstrapServers(),
        "Docker found: Testcontainers " + POSTGRES_IMAGE + " and " + KAFKA_IMAGE);
  }

  private static TestInfrastructure startLocal() {
    Path embeddedDir;
    try {
      embeddedDir = Files.createTempDirectory("embedded-pg");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PostgresServer postgres = PostgresLocator.fromEnvironment().locate(embeddedDir, 0);
    dropDatabasesOfEndedRuns(postgres);
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
    broker.brokerProperties(
        Map.of(
            "group.initial.rebalance.delay.ms", "0",
            "offsets.topic.num.partitions", "6",
            "auto.create.topics.enable", "true"));
    broker.afterPropertiesSet();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.destroy();
                  try {
                    postgres.close();
                  } catch (Exception e) {
                    System.err.println("[test-support] stopping PostgreSQL: " + e.getMessage());
                  }
                }));
    return new TestInfrastructure(
        postgres,
        broker.getBrokersAsString(),
        "No Docker: "
            + postgres.describe()
            + " and an in-process KRaft broker at "
            + broker.getBrokersAsString());
  }

  /** Test databases are named after the JVM that made them; drop those whose JVM has ended. */
  private static void dropDatabasesOfEndedRuns(PostgresServer postgres) {
    List<String> stale = new ArrayList<>();
    try (Connection c = postgres.connect("postgres");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select datname from pg_database where datname like '" + DATABASE_PREFIX + "%'")) {
      while (rs.next()) {
        String name = rs.getString(1);
        String[] parts = name.split("_");
        if (parts.length == 3
            && parts[1].chars().allMatch(Character::isDigit)
            && ProcessHandle.of(Long.parseLong(parts[1])).isEmpty()) {
          stale.add(name);
        }
      }
    } catch (SQLException e) {
      return;
    }
    stale.forEach(postgres::dropDatabase);
  }
}
