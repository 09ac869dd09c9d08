package cn.yilianti.local.kafka;

import cn.yilianti.local.process.ChildProcess;
import cn.yilianti.local.process.Readiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * One Kafka broker in KRaft combined mode (broker + controller) in its own JVM, with its data in
 * {@code dataDir}: formatted on the first start, reused on the next ones, so it can be stopped,
 * killed and restarted like a real server.
 */
public final class KafkaServerProcess implements AutoCloseable {

  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private final String classpath;
  private final List<String> jvmArgs;
  private @Nullable ChildProcess process;

  public KafkaServerProcess(
      Path dataDir, int port, int controllerPort, String classpath, List<String> jvmArgs) {
    this.dataDir = dataDir.toAbsolutePath();
    this.port = port;
    this.controllerPort = controllerPort;
    this.classpath = classpath;
    this.jvmArgs = List.copyOf(jvmArgs);
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public Path log() {
    return dataDir.resolve("kafka.log");
  }

  /** Formats the storage on first use, starts the broker and waits until it serves requests. */
  public synchronized void start(Duration timeout) {
    Path config = writeConfig();
    if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
      format(config);
    }
    process =
        ChildProcess.start("kafka", command("kafka.Kafka", config.toString()), log(), Map.of());
    ChildProcess started = process;
    Readiness.await(started, this::answers, timeout, "broker at " + bootstrapServers());
  }

  /** Controlled shutdown (SIGTERM). */
  public synchronized void stop() {
    if (process != null) {
      process.stop(Duration.ofSeconds(30));
      process = null;
    }
  }

  /** {@code kill -9}: no controlled shutdown, as when a machine loses power. */
  public synchronized void kill() {
    if (process != null) {
      process.kill();
      process = null;
    }
  }

  public synchronized long pid() {
    return process == null ? -1 : process.pid();
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() {
    stop();
  }

  private void format(Path config) {
    List<String> command =
        command(
            "kafka.tools.StorageTool",
            "format",
            "--ignore-formatted",
            "-t",
            Uuid.randomUuid().toString(),
            "-c",
            config.toString());
    ChildProcess formatter =
        ChildProcess.start(
            "kafka-storage-format", command, dataDir.resolve("format.log"), Map.of());
    Readiness.await(
        formatter,
        () -> Files.exists(dataDir.resolve("logs/meta.properties")),
        Duration.ofSeconds(60),
        "storage formatted");
    formatter.stop(Duration.ofSeconds(10));
  }

  private List<String> command(String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(ChildProcess.javaBinary());
    command.add("-Xms256m");
    command.add("-Xmx512m");
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }

  private Path writeConfig() {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.setProperty(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.setProperty("log.dirs", dataDir.resolve("logs").toString());
    p.setProperty("num.partitions", "6");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "6");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("auto.create.topics.enable", "true");
    p.setProperty("log.retention.hours", "-1");
    try {
      Files.createDirectories(dataDir);
      Path file = dataDir.resolve("server.properties");
      try (var out = Files.newBufferedWriter(file)) {
        p.store(out, "written by KafkaServerProcess");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean answers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
    } catch (IOException e) {
      return false;
    }
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    try (Admin admin = Admin.create(config)) {
      admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
      return true;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return false;
    }
  }
}
