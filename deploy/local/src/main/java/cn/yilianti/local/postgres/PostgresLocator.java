package cn.yilianti.local.postgres;

import cn.yilianti.local.postgres.PostgresServer.Origin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the PostgreSQL server to use, in this order: the one named by {@code PGHOST} (with {@code
 * PGPORT}, {@code PGUSER}, {@code PGPASSWORD}); the local server at 127.0.0.1:5432 if it answers;
 * else an embedded server from Maven Central binaries.
 */
public final class PostgresLocator {

  private final Map<String, String> env;

  public PostgresLocator(Map<String, String> env) {
    this.env = env;
  }

  public static PostgresLocator fromEnvironment() {
    return new PostgresLocator(System.getenv());
  }

  /**
   * @param embeddedDataDir where an embedded server keeps its data (kept between runs), or null for
   *     a throw-away directory
   * @param embeddedPort port for an embedded server, 0 for any free port
   */
  public PostgresServer locate(Path embeddedDataDir, int embeddedPort) {
    String host = env.get("PGHOST");
    if (host != null && !host.isBlank()) {
      PostgresServer server =
          new PostgresServer(
              host,
              Integer.parseInt(env.getOrDefault("PGPORT", "5432")),
              env.getOrDefault("PGUSER", "postgres"),
              env.getOrDefault("PGPASSWORD", ""),
              Origin.ENVIRONMENT,
              null);
      if (!answers(server)) {
        throw new IllegalStateException(
            "PGHOST is set but PostgreSQL does not answer at " + host + ":" + server.port());
      }
      return server;
    }
    return local().orElseGet(() -> embedded(embeddedDataDir, embeddedPort));
  }

  public Optional<PostgresServer> local() {
    PostgresServer local =
        new PostgresServer(
            "127.0.0.1",
            5432,
            env.getOrDefault("PGUSER", "postgres"),
            env.getOrDefault("PGPASSWORD", ""),
            Origin.LOCAL,
            null);
    return answers(local) ? Optional.of(local) : Optional.empty();
  }

  private static PostgresServer embedded(Path dataDir, int port) {
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setPort(port)
              .start();
      return new PostgresServer("127.0.0.1", pg.getPort(), "postgres", "", Origin.EMBEDDED, pg);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start an embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  private static boolean answers(PostgresServer server) {
    try (Connection c = server.connect("postgres")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
