package cn.yilianti.referral.idempotency;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keys in PostgreSQL, per client. Each statement commits on its own (outside the request's
 * transaction), so a concurrent duplicate sees the claim of the first request at once.
 */
@Repository
class IdempotencyStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final IdempotencyProperties properties;

  IdempotencyStore(JdbcClient jdbc, IdempotencyProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  Claim claim(String client, String key, byte[] requestHash) {
    for (int attempt = 0; attempt < 3; attempt++) {
      int inserted =
          jdbc.sql(
                  """
                  insert into idempotency_key (client, idempotency_key, request_hash)
                  values (:client, :key, :hash) on conflict do nothing
                  """)
              .param("client", client)
              .param("key", key)
              .param("hash", requestHash)
              .update();
      if (inserted == 1) {
        return Claim.of(Claim.Outcome.NEW);
      }
      Optional<Claim> existing = existing(client, key, requestHash);
      if (existing.isPresent()
          && existing.get().outcome() == Claim.Outcome.IN_FLIGHT
          && takeOverAbandoned(client, key)) {
        return Claim.of(Claim.Outcome.NEW);
      }
      if (existing.isPresent()) {
        return existing.get();
      }
      // Released by a failed first request between our insert and select: try again.
    }
    return Claim.of(Claim.Outcome.IN_FLIGHT);
  }

  /** Restarts the clock of a claim nobody answered within the in-flight timeout. */
  private boolean takeOverAbandoned(String client, String key) {
    return jdbc.sql(
                """
                update idempotency_key set created_at = now()
                 where client = :client and idempotency_key = :key and status is null
                   and created_at < now() - make_interval(secs => :timeout)
                """)
            .param("client", client)
            .param("key", key)
            .param("timeout", properties.inFlightTimeout().toSeconds())
            .update()
        == 1;
  }

  void complete(String client, String key, StoredResponse response) {
    jdbc.sql(
            """
            update idempotency_key
               set status = :status, headers = cast(:headers as jsonb), body = :body,
                   completed_at = now()
             where client = :client and idempotency_key = :key
            """)
        .param("client", client)
        .param("key", key)
        .param("status", response.status())
        .param("headers", JSON.writeValueAsString(response.headers()))
        .param("body", response.body())
        .update();
  }

  /** Forgets a claim whose request failed on our side (5xx), so the client can retry it. */
  void release(String client, String key) {
    jdbc.sql("delete from idempotency_key where client = :client and idempotency_key = :key")
        .param("client", client)
        .param("key", key)
        .update();
  }

  int deleteOlderThan(java.time.Duration retention) {
    return jdbc.sql(
            "delete from idempotency_key where created_at < now() - make_interval(secs => :s)")
        .param("s", retention.toSeconds())
        .update();
  }

  private Optional<Claim> existing(String client, String key, byte[] requestHash) {
    return jdbc.sql(
            """
            select request_hash, status, headers, body from idempotency_key
             where client = :client and idempotency_key = :key
            """)
        .param("client", client)
        .param("key", key)
        .query(
            (rs, n) -> {
              if (!Arrays.equals(rs.getBytes("request_hash"), requestHash)) {
                return Claim.of(Claim.Outcome.MISMATCH);
              }
              if (rs.getObject("status") == null) {
                return Claim.of(Claim.Outcome.IN_FLIGHT);
              }
              byte[] body = rs.getBytes("body");
              return new Claim(
                  Claim.Outcome.DONE,
                  new StoredResponse(
                      rs.getInt("status"),
                      JSON.readValue(rs.getString("headers"), HEADERS),
                      body == null ? new byte[0] : body));
            })
        .optional();
  }
}
