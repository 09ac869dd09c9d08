package cn.yilianti.system.scenario;

import cn.yilianti.local.postgres.PostgresServer;
import cn.yilianti.local.postgres.PostgresServer.Origin;
import cn.yilianti.test.TestInfrastructure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL server of this run only (embedded binaries from Maven Central, its own data
 * directory and port), so the PostgreSQL-restart scenario never touches the machine's shared
 * server.
 */
public final class PrivatePostgres implements AutoCloseable {

  private final Path dataDir;
  private final int port = TestInfrastructure.freePort();
  private @Nullable EmbeddedPostgres running;

  public PrivatePostgres(Path dataDir) {
    this.dataDir = dataDir;
    start();
  }

  /** The server as the platform sees it; stopping it is this class's job, not the platform's. */
  public PostgresServer server() {
    return new PostgresServer("127.0.0.1", port, "postgres", "", Origin.EMBEDDED, null);
  }

  public synchronized void start() {
    try {
      running =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("max_connections", "200")
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the private PostgreSQL", e);
    }
  }

  public synchronized void stop() {
    if (running != null) {
      try {
        running.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot stop the private PostgreSQL", e);
      }
      running = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
