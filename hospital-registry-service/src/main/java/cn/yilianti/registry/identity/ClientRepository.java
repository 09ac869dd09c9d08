package cn.yilianti.registry.identity;

import cn.yilianti.registry.identity.ApiClient.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Clients' bindings (hospital or user), revocation and secret hashes. */
@Repository
class ClientRepository {

  private static final String SELECT =
      """
      select c.*, (select count(*) from client_secret s where s.client_id = c.client_id
                    and (s.expires_at is null or s.expires_at > now())) as active_secrets
        from api_client c
      """;

  private final JdbcClient jdbc;

  ClientRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ApiClient> find(String clientId) {
    return jdbc.sql(SELECT + " where c.client_id = :id")
        .param("id", clientId)
        .query(ClientRepository::map)
        .optional();
  }

  List<ApiClient> ofHospital(String hospital) {
    return jdbc.sql(SELECT + " where c.hospital_code = :h order by c.client_id")
        .param("h", hospital)
        .query(ClientRepository::map)
        .list();
  }

  List<ApiClient> ofUser(String username) {
    return jdbc.sql(SELECT + " where c.username = :u order by c.client_id")
        .param("u", username)
        .query(ClientRepository::map)
        .list();
  }

  void insert(
      String clientId, Kind kind, @Nullable String hospital, @Nullable String username, String by) {
    jdbc.sql(
            """
            insert into api_client (client_id, kind, hospital_code, username, created_at, created_by)
            values (:id, :kind, :hospital, :username, now(), :by)
            """)
        .param("id", clientId)
        .param("kind", kind.name())
        .param("hospital", hospital)
        .param("username", username)
        .param("by", by)
        .update();
  }

  void addSecret(String clientId, String hash, String by) {
    jdbc.sql(
            """
            insert into client_secret (client_id, secret_hash, created_at, created_by)
            values (:id, :hash, now(), :by)
            """)
        .param("id", clientId)
        .param("hash", hash)
        .param("by", by)
        .update();
  }

  /**
   * Ends every current secret after {@code grace} (zero: at once), by the database's clock so the
   * same transaction already sees them ended; returns when they end.
   */
  Instant expireSecrets(String clientId, Duration grace) {
    double seconds = grace.toNanos() / 1e9;
    jdbc.sql(
            """
            update client_secret set expires_at = now() + make_interval(secs => :seconds)
             where client_id = :id
               and (expires_at is null or expires_at > now() + make_interval(secs => :seconds))
            """)
        .param("id", clientId)
        .param("seconds", seconds)
        .update();
    return jdbc.sql("select now() + make_interval(secs => :seconds)")
        .param("seconds", seconds)
        .query(Timestamp.class)
        .single()
        .toInstant();
  }

  /** Hashes of the secrets that authenticate the client now, newest first. */
  List<String> validSecretHashes(String clientId) {
    return jdbc.sql(
            """
            select secret_hash from client_secret
             where client_id = :id and (expires_at is null or expires_at > now())
             order by id desc
            """)
        .param("id", clientId)
        .query(String.class)
        .list();
  }

  boolean revoke(String clientId, String by) {
    return jdbc.sql(
                """
                update api_client set revoked_at = now(), revoked_by = :by
                 where client_id = :id and revoked_at is null
                """)
            .param("id", clientId)
            .param("by", by)
            .update()
        == 1;
  }

  private static ApiClient map(ResultSet rs, int n) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new ApiClient(
        rs.getString("client_id"),
        Kind.valueOf(rs.getString("kind")),
        rs.getString("hospital_code"),
        rs.getString("username"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"),
        revoked == null ? null : revoked.toInstant(),
        rs.getString("revoked_by"),
        rs.getInt("active_secrets"));
  }
}
