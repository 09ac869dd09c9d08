package cn.yilianti.local;

import cn.yilianti.local.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/local/run}: starts PostgreSQL (found or embedded), Kafka and the four services,
 * prints where everything is, and stops it all on Ctrl-C or SIGTERM.
 */
public final class LocalPlatform {

  public static void main(String[] args) throws InterruptedException {
    Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    PlatformSettings settings = PlatformSettings.fromEnvironment(repo, System.getenv());
    Leftovers.stopThoseOfAnEarlierRun(settings.runDir());
    Platform platform = new Platform(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  say("Stopping services, Kafka and any embedded PostgreSQL ...");
                  platform.close();
                  Leftovers.forget(settings.runDir());
                  say("Stopped. Data kept in " + settings.runDir() + " for the next start.");
                  stopped.countDown();
                }));
    Instant start = Instant.now();
    try {
      PostgresServer pg = platform.startPostgres();
      say("PostgreSQL   " + pg.describe());
      platform.startKafka();
      say(
          "Kafka        "
              + platform.kafka().bootstrapServers()
              + " (KRaft, data in "
              + settings.runDir().resolve("kafka")
              + ")");
      Leftovers.remember(settings.runDir(), "kafka", platform.kafka().pid());
      platform.startServices();
      for (ServiceKind kind : ServiceKind.values()) {
        Leftovers.remember(settings.runDir(), kind.module(), platform.service(kind).pid());
      }
    } catch (RuntimeException e) {
      say("Start failed: " + e.getMessage());
      System.exit(1);
    }
    printSummary(platform, Duration.between(start, Instant.now()));
    stopped.await();
  }

  private static void printSummary(Platform platform, Duration took) {
    PlatformSettings s = platform.settings();
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("Platform ready in " + took.toSeconds() + " s. Ctrl-C stops everything.");
    lines.add("");
    for (ServiceKind kind : ServiceKind.values()) {
      String base = s.baseUrl(kind);
      lines.add(String.format("  %-26s %s", kind.module(), base));
      lines.add(String.format("  %-26s %s/swagger-ui.html", "", base));
      lines.add(String.format("  %-26s %s/actuator/health  /actuator/prometheus", "", base));
      lines.add(String.format("  %-26s log: %s", "", platform.logOf(kind)));
    }
    lines.add(
        String.format(
            "  %-26s %s   log: %s",
            "kafka", platform.kafka().bootstrapServers(), platform.kafka().log()));
    lines.add(String.format("  %-26s %s", "postgresql", platform.postgres().describe()));
    lines.add("");
    lines.add("Demo credentials (" + platform.demoCredentials() + "):");
    try {
      Files.readAllLines(platform.demoCredentials()).stream()
          .filter(line -> line.contains("\"clientId\""))
          .forEach(line -> lines.add("  " + line.trim()));
    } catch (IOException e) {
      lines.add("  not written yet: see the registry log");
    }
    lines.add("");
    lines.forEach(LocalPlatform::say);
  }

  static void say(String line) {
    System.out.println(line);
  }

  /** Records child pids so a launcher that was killed outright does not leave orphans behind. */
  static final class Leftovers {

    private static Path file(Path runDir) {
      return runDir.resolve("pids");
    }

    static void remember(Path runDir, String name, long pid) {
      try {
        Files.createDirectories(runDir);
        Files.writeString(
            file(runDir),
            name + " " + pid + "\n",
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      } catch (IOException e) {
        say("Cannot record pid of " + name + ": " + e.getMessage());
      }
    }

    static void forget(Path runDir) {
      try {
        Files.deleteIfExists(file(runDir));
      } catch (IOException e) {
        say("Cannot remove " + file(runDir) + ": " + e.getMessage());
      }
    }

    static void stopThoseOfAnEarlierRun(Path runDir) {
      if (!Files.exists(file(runDir))) {
        return;
      }
      try {
        for (String line : Files.readAllLines(file(runDir))) {
          String[] parts = line.split(" ");
          ProcessHandle.of(Long.parseLong(parts[1]))
              .filter(p -> p.info().commandLine().map(c -> c.contains("java")).orElse(false))
              .ifPresent(
                  p -> {
                    say("Stopping " + parts[0] + " (pid " + p.pid() + ") left from an earlier run");
                    p.destroy();
                    p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
                  });
        }
        forget(runDir);
      } catch (IOException | RuntimeException e) {
        say("Could not check for leftovers of an earlier run: " + e.getMessage());
      }
    }

    private Leftovers() {}
  }

  private LocalPlatform() {}
}
