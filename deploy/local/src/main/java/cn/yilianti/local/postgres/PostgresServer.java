package cn.yilianti.local.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A reachable PostgreSQL server; closing it stops it only if this process started it. */
public record PostgresServer(
    String host,
    int port,
    String user,
    String password,
    Origin origin,
    @Nullable AutoCloseable embedded)
    implements AutoCloseable {

  /** Where the server came from, printed so a reader knows which one was used. */
  public enum Origin {
    ENVIRONMENT,
    LOCAL,
    EMBEDDED,
    CONTAINER
  }

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public Connection connect(String database) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("connectTimeout", "3");
    return DriverManager.getConnection(jdbcUrl(database), props);
  }

  /** Creates the database unless it exists; returns true when it was created. */
  public boolean createDatabaseIfMissing(String database) {
    checkName(database);
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      try (var rs =
          s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
        if (rs.next()) {
          return false;
        }
      }
      s.execute("create database " + database);
      return true;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create database " + database + ": " + e.getMessage(), e);
    }
  }

  /** Drops the database, closing whatever connections are still open on it. */
  public void dropDatabase(String database) {
    checkName(database);
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + database + " with (force)");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot drop database " + database + ": " + e.getMessage(), e);
    }
  }

  public String describe() {
    return switch (origin) {
      case ENVIRONMENT -> "PostgreSQL from PGHOST at " + host + ":" + port;
      case LOCAL -> "local PostgreSQL at " + host + ":" + port;
      case EMBEDDED -> "embedded PostgreSQL (Maven Central binaries) at " + host + ":" + port;
      case CONTAINER -> "PostgreSQL container at " + host + ":" + port;
    };
  }

  @Override
  public void close() throws Exception {
    if (embedded != null) {
      embedded.close();
    }
  }

  private static void checkName(String database) {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("Not a safe database name: " + database);
    }
  }
}
